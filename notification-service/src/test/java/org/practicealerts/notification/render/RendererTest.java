package org.practicealerts.notification.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Urgency;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Emails and Teams cards as their receivers need them. */
class RendererTest {

    final Renderer renderer = new Renderer(24_000);
    final Notice notice = new Notice("StageEscalated", "Practice alert PA-2026-000042 escalated to stage 2",
            "PA-2026-000042", 2, "Please read the alert & record your response.", "Fri 4 Dec 2026, 17:00 (UK time)",
            List.of("You are the responder at this stage."), "https://alerts.council.example/alerts/a-1",
            Urgency.ROUTINE);

    @Test
    void aCardIsAnAdaptiveCardInTheWorkflowsMessageEnvelopeWellUnderTheLimit() {
        String json = renderer.card(notice, "ev-1:sm-north:TEAMS");
        JsonNode root = JsonMapper.builder().build().readTree(json);

        assertThat(root.get("type").asString()).isEqualTo("message");
        JsonNode attachment = root.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        assertThat(card.get("actions").get(0).get("url").asString()).isEqualTo("https://alerts.council.example/alerts/a-1");
        assertThat(json).contains("PA-2026-000042", "Fri 4 Dec 2026, 17:00 (UK time)");
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(4 * 1024);
    }

    @Test
    void refusesACardOverTheConfiguredSize() {
        Renderer tiny = new Renderer(1024);
        Notice huge = new Notice("X", "t".repeat(2000), "r", 1, "a", null, List.of("w"), "https://l", null);
        assertThatThrownBy(() -> tiny.card(huge, "id")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmailHasAOneLineSubjectPlainTextAndEscapedHtml() {
        Renderer.Email mail = renderer.email(notice);

        assertThat(mail.subject()).isEqualTo("Practice alert PA-2026-000042 escalated to stage 2");
        assertThat(mail.text()).contains("Alert: PA-2026-000042", "Stage: 2", "By: Fri 4 Dec 2026, 17:00 (UK time)",
                "Please read the alert & record your response.", "Open the alert: https://alerts.council.example/alerts/a-1");
        assertThat(mail.html()).contains("alert &amp; record", "<a href=\"https://alerts.council.example/alerts/a-1\">");
    }

    @Test
    void saysWhyEachPersonIsToldInWords() {
        assertThat(Notices.why(RecipientReason.RESPONDER)).isEqualTo("You are the responder at this stage.");
        assertThat(Notices.why(RecipientReason.RAISERS_SERVICE_MANAGER)).isEqualTo("You are the raiser's service manager.");
        assertThat(Notices.why(RecipientReason.CHILDS_HEAD_OF_SERVICE))
                .isEqualTo("You are the head of service for the team involved.");
        assertThat(Notices.why(RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER)).contains("immediate risk of harm");
        assertThat(Notices.why(null)).isEqualTo("You are named on this alert.");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RecipientReason.class)
    void eachReasonRendersASentenceSayingWhyThePersonIsTold(RecipientReason reason) {
        assertThat(Notices.why(reason)).startsWith("You ").endsWith(".")
                .isNotEqualTo(Notices.why(null));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RecipientReason.class, mode = EnumSource.Mode.MATCH_ALL, names = "IMMEDIATE_RISK_.*")
    void everyoneToldOfAnImmediateRiskIsToldThatItIsOne(RecipientReason reason) {
        assertThat(Notices.why(reason)).contains("immediate risk of harm");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RecipientReason.class, mode = EnumSource.Mode.MATCH_NONE, names = "IMMEDIATE_RISK_.*")
    void nobodyElseIsToldOfAnImmediateRisk(RecipientReason reason) {
        assertThat(Notices.why(reason)).doesNotContain("immediate risk");
    }

    @Test
    void noTwoReasonsShareASentence() {
        assertThat(Arrays.stream(RecipientReason.values()).map(Notices::why)).doesNotHaveDuplicates();
    }
}
