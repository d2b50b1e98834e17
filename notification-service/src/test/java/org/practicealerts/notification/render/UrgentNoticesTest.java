package org.practicealerts.notification.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.events.RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER;
import static org.practicealerts.events.RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER;
import static org.practicealerts.events.RecipientReason.RAISERS_SERVICE_MANAGER;
import static org.practicealerts.events.RecipientReason.RESPONDER;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.outbox.AlertProjection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * (Without the alert's projection a notice names the alert by its id.) Every notice says the alert's urgency and every reason the person is told for, most urgent first; a notice of an
 * immediate risk of harm is marked urgent in the email's subject and body and on the Teams card.
 */
class UrgentNoticesTest {

    static final String LINK = "https://alerts.council.example/alerts/a-1";

    final Renderer renderer = new Renderer(24_000);

    @Test
    void anImmediateRiskNoticeStartsItsTitleAndSoItsSubjectWithUrgent() {
        Notice n = Notices.of(raised(Urgency.IMMEDIATE_RISK), null,
                List.of(IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER, RESPONDER), LINK);

        assertThat(n.immediateRisk()).isTrue();
        assertThat(renderer.email(n).subject())
                .isEqualTo("URGENT \u2013 immediate risk: New practice alert a-1 at stage 2");
    }

    @Test
    void anEmailListsEveryReasonMostUrgentFirstAndSaysTheUrgency() {
        Notice n = Notices.of(raised(Urgency.IMMEDIATE_RISK), null,
                List.of(IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER, RAISERS_SERVICE_MANAGER), LINK);

        Renderer.Email mail = renderer.email(n);

        assertThat(mail.text()).contains("URGENT: the raiser reported an immediate risk of harm",
                "Urgency: Immediate risk of harm");
        assertThat(mail.text()).containsSubsequence(
                "- You are told at once of an immediate risk of harm reported by the raiser, as the raiser's service manager.",
                "- You are the raiser's service manager.");
        assertThat(mail.html()).containsSubsequence("<li>You are told at once of an immediate risk of harm",
                "<li>You are the raiser&#39;s service manager.</li>");
    }

    @Test
    void theResponderToldOfAnImmediateRiskIsStillAskedToRespond() {
        Notice n = Notices.of(raised(Urgency.IMMEDIATE_RISK), null,
                List.of(IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER, RESPONDER), LINK);

        assertThat(n.ask()).isEqualTo("Please read the alert and record your response.");
    }

    @Test
    void anImmediateRiskCardOpensWithAnAttentionBannerAndListsEveryReason() {
        Notice n = Notices.of(raised(Urgency.IMMEDIATE_RISK), null,
                List.of(IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER, RESPONDER), LINK);

        JsonNode body = JsonMapper.builder().build().readTree(renderer.card(n, "ev-1:sm-north:TEAMS"))
                .get("attachments").get(0).get("content").get("body");

        assertThat(body.get(0).get("type").asString()).isEqualTo("Container");
        assertThat(body.get(0).get("style").asString()).isEqualTo("attention");
        assertThat(body.get(1).get("color").asString()).isEqualTo("Attention");
        assertThat(body.get(1).get("text").asString()).startsWith("URGENT \u2013 immediate risk: ");
        assertThat(body.get(2).toString()).contains("\"Urgency\"", "Immediate risk of harm");
        assertThat(body.get(4).get("text").asString()).contains("immediate risk of harm");
        assertThat(body.get(5).get("text").asString()).isEqualTo("You are the responder at this stage.");
    }

    @Test
    void aRoutineNoticeSaysItsUrgencyAndIsNotMarkedUrgent() {
        Notice n = Notices.of(raised(Urgency.ROUTINE), null, List.of(RESPONDER), LINK);

        assertThat(n.immediateRisk()).isFalse();
        assertThat(renderer.email(n).subject()).isEqualTo("New practice alert a-1 at stage 2");
        assertThat(renderer.email(n).text()).contains("Urgency: Routine").doesNotContain("URGENT");
        assertThat(renderer.card(n, "id")).doesNotContain("attention", "Attention");
    }

    @Test
    void aPersonToldOfAnImmediateRiskIsToldUrgentlyWhateverTheAlertsRecordedUrgency() {
        Notice n = Notices.of(raised(Urgency.URGENT), null, List.of(IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER), LINK);

        assertThat(n.urgency()).isEqualTo(Urgency.IMMEDIATE_RISK);
    }

    @Test
    void aLaterNoticeOfAnImmediateRiskAlertCarriesTheUrgencyItWasRaisedWith() {
        AlertProjection.View view = new AlertProjection.View("a-1", "PA-2026-000042", "team-north", 2, "sm-north",
                Instant.parse("2026-11-25T09:00:00Z"), AlertProjection.Status.OPEN, Set.of("sm-north"), null,
                Urgency.IMMEDIATE_RISK);
        ReminderDue reminder = new ReminderDue("ev-2", "a-1", Instant.parse("2026-11-24T13:00:00Z"), 1, 2,
                Instant.parse("2026-11-24T13:00:00Z"), Instant.parse("2026-11-25T09:00:00Z"), List.of());

        Notice n = Notices.of(reminder, view, List.of(RESPONDER), LINK);

        assertThat(n.immediateRisk()).isTrue();
        assertThat(n.title()).startsWith(Notices.IMMEDIATE_RISK_PREFIX);
    }

    static AlertRaised raised(Urgency urgency) {
        return new AlertRaised("ev-1", "a-1", Instant.parse("2026-11-24T09:00:00Z"), 1, "PA-2026-000042",
                new PolicyRef("seed-000-cpc-urgent-practice", 1), "MOSAIC-123456", List.of(),
                PlanType.CHILD_PROTECTION, "team-north", "cpc-1", "CPC", "SAFEGUARDING", List.of("SAFEGUARDING"),
                "summary", "impact", "voice", List.of(), urgency, false, null, null, 2, null,
                new Assignment("sm-north", "SERVICE_MANAGER", null),
                new StageDeadlines(Instant.parse("2026-11-25T09:00:00Z"), null), null, List.of(),
                AlertStatus.AWAITING_RESPONSE);
    }
}
