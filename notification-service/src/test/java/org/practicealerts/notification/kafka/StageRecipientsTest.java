package org.practicealerts.notification.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.Urgency;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.events.directory.NonWorkingDay;
import org.practicealerts.notification.NotificationProperties;
import org.practicealerts.notification.delivery.Addressing;
import org.practicealerts.notification.delivery.DeliveryRig;
import org.practicealerts.notification.digest.DailyDigest;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.directory.Directory.Person;
import org.practicealerts.notification.directory.Directory.Preference;
import org.practicealerts.notification.outbox.AlertProjection;
import org.practicealerts.notification.outbox.InboxStore;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.render.Renderer;
import org.practicealerts.support.CouncilCalendar;

/**
 * From alert events, with the recipients the alert-service computes per stage, to each person's mailbox (GreenMail)
 * or Teams webhook, by their preference. Stage 1 tells the team manager (responder) and the raiser; stage 2 the
 * service manager (responder), the raiser, the previous responder and the raiser's manager. An immediate risk under
 * seed 000 tells both service managers once each, urgently, whatever their preference.
 */
class StageRecipientsTest {

    final DeliveryRig rig = new DeliveryRig();
    final Directory directory = new Directory(null);
    final AlertProjection alerts = new AlertProjection(rig.db);
    final InboxStore inbox = new InboxStore(rig.db);
    final Renderer renderer = new Renderer(24_000);
    final AlertEventListener listener = new AlertEventListener(directory, alerts,
            new Addressing(directory, renderer, "https://alerts.council.example"), rig.store, inbox, rig.dispatcher,
            rig.clock, Duration.ofMinutes(2));

    StageRecipientsTest() {
        person("tm-north", Preference.EMAIL, null);
        person("iro-1", Preference.BOTH, rig.webhookUrl());
        person("sm-north", Preference.EMAIL, null);
        person("irs-tm", Preference.TEAMS, rig.webhookUrl());
        person("hos-children", Preference.DIGEST, null);
        person("irs-sm", Preference.DIGEST, null);
        directory.markReady();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void eachStageReachesItsRecipientsByTheirPreferenceExactlyOnce() throws Exception {
        AlertRaised raised = raised();
        StageEscalated escalated = escalated();
        listener.handle(raised);
        listener.handle(escalated);
        listener.handle(raised); // redelivered by Kafka
        rig.dispatcher.drain();
        listener.handle(escalated); // redelivered after sending
        rig.dispatcher.drain();

        Map<String, List<String>> subjects = mailboxes();
        assertThat(subjects).containsOnlyKeys("tm-north@council.example", "iro-1@council.example",
                "sm-north@council.example");
        assertThat(subjects.get("tm-north@council.example")).containsExactly(
                "New practice alert PA-2026-000042 at stage 1",
                "Practice alert PA-2026-000042 escalated to stage 2");
        assertThat(subjects.get("iro-1@council.example")).hasSize(2);
        assertThat(subjects.get("sm-north@council.example")).containsExactly(
                "Practice alert PA-2026-000042 escalated to stage 2");
        assertThat(rig.cardsById()).containsOnlyKeys(
                raised.eventId() + ":iro-1:TEAMS", escalated.eventId() + ":iro-1:TEAMS",
                escalated.eventId() + ":irs-tm:TEAMS").allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(inbox.forRecipient("hos-children", true, 10)).hasSize(1);

        String smText = textOf("sm-north@council.example");
        assertThat(smText).contains("PA-2026-000042", "Stage: 2", "Please read the alert and record your response",
                "By: Fri 4 Dec 2026, 17:00 (UK time)", "https://alerts.council.example/alerts/" + raised.alertId());
    }

    @Test
    void aDigestPersonGetsOneMorningEmailListingTheirOpenAlerts() throws Exception {
        listener.handle(raised());
        listener.handle(escalated());
        rig.dispatcher.drain();
        DailyDigest digest = digest(new CouncilCalendar());

        rig.clock.set(Instant.parse("2026-11-25T07:00:00Z"));
        assertThat(digest.runIfDue()).as("before 07:30").isZero();
        rig.clock.set(Instant.parse("2026-11-25T07:31:00Z"));
        assertThat(digest.runIfDue()).isEqualTo(1);
        assertThat(digest.runIfDue()).as("once a day").isZero();
        rig.dispatcher.drain();

        assertThat(mailboxes().get("hos-children@council.example"))
                .containsExactly("Practice alerts digest for Wed 25 Nov 2026: 1 open");
        assertThat(textOf("hos-children@council.example")).contains("PA-2026-000042 (stage 2)");
    }

    @Test
    void aClosureDayAddedAtRunTimeOnTheDirectoryTopicHoldsTheDigestToTheNextWorkingDay() throws Exception {
        listener.handle(raised());
        listener.handle(escalated());
        rig.dispatcher.drain();
        CouncilCalendar calendar = new CouncilCalendar();
        DailyDigest digest = digest(calendar);

        // Thursday 26 November 2026 becomes a council closure day while the service runs.
        calendar.apply(DirectoryJson.read("DAY:2026-11-26", DirectoryJson.writeBytes(new NonWorkingDay(
                java.time.LocalDate.of(2026, 11, 26), "Council closure day", NonWorkingDay.Source.CLOSURE))));

        rig.clock.set(Instant.parse("2026-11-26T07:31:00Z"));
        assertThat(digest.runIfDue()).as("closure day").isZero();
        rig.clock.set(Instant.parse("2026-11-27T07:31:00Z"));
        assertThat(digest.runIfDue()).as("Friday, the next working day").isEqualTo(1);
        rig.dispatcher.drain();

        assertThat(mailboxes().get("hos-children@council.example"))
                .containsExactly("Practice alerts digest for Fri 27 Nov 2026: 1 open");
    }

    @Test
    void anImmediateRiskReachesAPersonWhoChoseTheDigestAtOnce() throws Exception {
        listener.handle(immediateRisk());
        rig.dispatcher.drain();

        assertThat(mailboxes().get("irs-sm@council.example"))
                .containsExactly("URGENT \u2013 immediate risk: New practice alert PA-2026-000043 at stage 2");
        assertThat(rig.store.forAlert(URGENT_ALERT)).filteredOn(o -> o.recipient().equals("irs-sm"))
                .singleElement().satisfies(o -> {
                    assertThat(o.state()).isEqualTo(OutboxEntry.State.SENT);
                    assertThat(o.told().urgent()).isTrue();
                });
    }

    @Test
    void aPersonNamedForSeveralReasonsIsToldOnceWithEveryReasonTheImmediateRiskFirst() throws Exception {
        listener.handle(immediateRisk());
        rig.dispatcher.drain();

        assertThat(mailboxes().get("sm-north@council.example")).hasSize(1);
        assertThat(textOf("sm-north@council.example")).containsSubsequence(
                "Urgency: Immediate risk of harm", "Please read the alert and record your response.",
                "as the service manager for the team involved.", "You are the responder at this stage.");
        assertThat(inbox.forRecipient("sm-north", true, 10)).singleElement().satisfies(i -> {
            assertThat(i.told().reasons()).containsExactly("IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER", "RESPONDER");
            assertThat(i.told().urgency()).isEqualTo(Urgency.IMMEDIATE_RISK);
            assertThat(i.told().urgent()).isTrue();
            assertThat(i.title()).startsWith("URGENT \u2013 immediate risk: ");
        });
    }

    @Test
    void everyMessageAndInboxEntryCarriesTheAlertsUrgency() {
        listener.handle(raised());

        assertThat(rig.store.forAlert(ALERT)).isNotEmpty().allSatisfy(o -> {
            assertThat(o.told().urgency()).isEqualTo(Urgency.ROUTINE);
            assertThat(o.told().urgent()).isFalse();
        });
        assertThat(inbox.forRecipient("tm-north", true, 10)).singleElement()
                .satisfies(i -> assertThat(i.told().urgency()).isEqualTo(Urgency.ROUTINE));
    }

    private DailyDigest digest(CouncilCalendar calendar) {
        NotificationProperties props = new NotificationProperties("https://alerts.council.example",
                Duration.ofDays(30), rig.delivery, null, null, null,
                new NotificationProperties.Digest(true, java.time.LocalTime.of(7, 30), java.time.ZoneId.of("Europe/London")),
                null);
        return new DailyDigest(directory, alerts, rig.store, renderer, rig.dispatcher, calendar, rig.clock, props);
    }

    private void person(String id, Preference pref, String webhook) {
        directory.put(new Person(id, "Staff " + id, id + "@council.example", webhook, List.of(), "team-north", true,
                pref));
    }

    private Map<String, List<String>> mailboxes() throws Exception {
        Map<String, List<String>> out = new HashMap<>();
        for (MimeMessage m : rig.greenMail.getReceivedMessages()) {
            out.computeIfAbsent(m.getRecipients(Message.RecipientType.TO)[0].toString(), k -> new ArrayList<>())
                    .add(m.getSubject());
        }
        return out;
    }

    private String textOf(String to) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (MimeMessage m : rig.greenMail.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                sb.append(com.icegreen.greenmail.util.GreenMailUtil.getBody(m));
            }
        }
        return sb.toString().replace("=\r\n", "").replace("=3D", "=");
    }

    static final String ALERT = "5f0c1a52-0000-4000-8000-000000000042";

    static AlertRaised raised() {
        Instant at = Instant.parse("2026-11-24T09:00:00Z");
        return new AlertRaised("ev-raised", ALERT, at, 1, "PA-2026-000042", new PolicyRef("default", 1),
                "MOSAIC-123456", List.of(), PlanType.CHILD_PROTECTION, "team-north", "iro-1", "IRO", "DRIFT",
                List.of("DRIFT"), "summary", "impact", "voice", List.of(), Urgency.ROUTINE, false, null, null, 1,
                null, new Assignment("tm-north", "TEAM_MANAGER", null),
                new StageDeadlines(Instant.parse("2026-12-01T17:00:00Z"), null), null,
                List.of(new Recipient("tm-north", RecipientReason.RESPONDER),
                        new Recipient("iro-1", RecipientReason.RAISER)), AlertStatus.AWAITING_RESPONSE);
    }

    static final String URGENT_ALERT = "5f0c1a52-0000-4000-8000-000000000043";

    /**
     * An immediate risk raised under seed 000, with the recipients the alert-service computes: the child's service
     * manager answers stage 2 and is told of the risk; the raiser's service manager is told of the stage and the risk.
     */
    static AlertRaised immediateRisk() {
        Instant at = Instant.parse("2026-11-24T09:00:00Z");
        return new AlertRaised("ev-urgent", URGENT_ALERT, at, 1, "PA-2026-000043",
                new PolicyRef("seed-000-cpc-urgent-practice", 1), "MOSAIC-123456", List.of(), PlanType.CHILD_PROTECTION,
                "team-north", "cpc-1", "CPC", "SAFEGUARDING", List.of("SAFEGUARDING"), "summary", "impact", "voice",
                List.of(), Urgency.IMMEDIATE_RISK, false, null, null, 2, null,
                new Assignment("sm-north", "SERVICE_MANAGER", null),
                new StageDeadlines(Instant.parse("2026-11-25T09:00:00Z"), null), null,
                List.of(Recipient.of("sm-north", List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER,
                                RecipientReason.RESPONDER)),
                        Recipient.of("irs-sm", List.of(RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER,
                                RecipientReason.RAISERS_SERVICE_MANAGER))), AlertStatus.AWAITING_RESPONSE);
    }

    static StageEscalated escalated() {
        return new StageEscalated("ev-escalated", ALERT, Instant.parse("2026-12-01T17:00:00Z"), 1, 1, 2,
                EscalationReason.DEADLINE_MISSED, StageEscalated.SYSTEM, null,
                new Assignment("sm-north", "SERVICE_MANAGER", null),
                new StageDeadlines(Instant.parse("2026-12-04T17:00:00Z"), null),
                List.of(new Recipient("sm-north", RecipientReason.RESPONDER),
                        new Recipient("iro-1", RecipientReason.RAISER),
                        new Recipient("tm-north", RecipientReason.PREVIOUS_RESPONDER),
                        new Recipient("irs-tm", RecipientReason.RAISERS_TEAM_MANAGER),
                        new Recipient("hos-children", RecipientReason.CHILDS_HEAD_OF_SERVICE)),
                                AlertStatus.AWAITING_RESPONSE);
    }
}
