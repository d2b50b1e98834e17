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
}
