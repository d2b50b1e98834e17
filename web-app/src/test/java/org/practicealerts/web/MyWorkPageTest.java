package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** My work lists what awaits the person, overdue first, with the working days the alert-service counts. */
class MyWorkPageTest extends PageTestBase {

    private static String alert(String id, String reference, String due, int left, boolean overdue) {
        return "{\"id\":\"" + id + "\",\"reference\":\"" + reference + "\",\"childRef\":\"MOSAIC-" + reference
                + "\",\"stage\":1,\"status\":\"AWAITING_RESPONSE\",\"responderId\":\"tm-north\",\"coverFor\":null,"
                + "\"responseDueAt\":\"" + due + "\",\"overdue\":" + overdue + ",\"workingDaysLeft\":" + left
                + ",\"urgency\":\"STANDARD\"}";
    }

    @Test
    void overdueAlertsComeFirstAndEachShowsTheWorkingDaysTheServiceCounts() {
        signInAs("tm-north");
        SERVICES.on("GET", "/api/v1/alerts", 200, "[" + alert("0b8d3c2e-1111-4000-8000-000000000002", "PA-2",
                "2026-12-18T17:00:00Z", 3, false) + "," + alert("0b8d3c2e-1111-4000-8000-000000000001", "PA-1",
                "2026-12-01T17:00:00Z", -2, true) + "]");
        SERVICES.on("GET", "/api/v1/notifications", 200, "[]");

        String page = browser.get("/").body();

        assertThat(page).contains("Overdue by 2 working days", "3 working days left");
        assertThat(page.indexOf("PA-1")).as("the overdue one first").isLessThan(page.indexOf("PA-2"));
        assertThat(SERVICES.sent()).noneMatch(s -> s.path().startsWith("/api/v1/calendar"));
    }

    @Test
    void aManagerIsRemindedOfTheirTeamsCaseMilestonesDueSoon() {
        signInAs("tm-north");
        SERVICES.on("GET", "/api/v1/alerts", 200, "[]");
        SERVICES.on("GET", "/api/v1/notifications", 200, "[]");
        SERVICES.on("GET", "/api/v1/milestones", 200, "[{\"ruleId\":\"VISIT\",\"name\":\"Child seen by the social "
                + "worker\",\"childRef\":\"MOSAIC-88\",\"teamId\":\"team-north\",\"openedBy\":\"V-1\","
                + "\"dueOn\":\"2026-12-09\",\"state\":\"DUE_SOON\"}]");

        String page = browser.get("/").body();

        assertThat(page).contains("Case milestones due soon", "MOSAIC-88", "Child seen by the social worker",
                "Wed 9 Dec 2026");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.path()).isEqualTo("/api/v1/milestones?state=DUE_SOON"));
    }

    @Test
    void myWorkStandsWhenTheMilestonesCannotBeRead() {
        signInAs("tm-north");
        SERVICES.on("GET", "/api/v1/alerts", 200, "[]");
        SERVICES.on("GET", "/api/v1/notifications", 200, "[]");
        SERVICES.on("GET", "/api/v1/milestones", 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");

        Page page = browser.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Nothing is waiting for you.").doesNotContain("Case milestones due soon");
    }
}
