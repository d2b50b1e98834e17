package org.practicealerts.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Two procedures in one council, as the demo council runs them: which one a raise falls under, and the refusals. */
class ProceduresApiTest extends ApiTestBase {

    private static Map<String, Object> cpRaise(String childRef, String category) {
        Map<String, Object> body = new HashMap<>(raiseBody(childRef));
        body.put("planType", "CHILD_PROTECTION");
        body.put("primaryCategory", category);
        body.remove("categories");
        return body;
    }

    @Test
    void theProceduresInForceAreListedWithWhomTheyApplyTo() {
        get("tm-north", "/api/v1/policy/procedures").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo("seed-000-cpc-urgent-practice")
                .jsonPath("$[0].raisers[0]").isEqualTo("CPC")
                .jsonPath("$[0].planTypes[0]").isEqualTo("CHILD_PROTECTION")
                .jsonPath("$[1].id").isEqualTo("seed-002-cro-practice-alert")
                .jsonPath("$[1].raisers.length()").isEqualTo(2)
                .jsonPath("$[1].planTypes.length()").isEqualTo(0);
        get("tm-north", "/api/v1/policy?procedure=seed-000-cpc-urgent-practice").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.categories[0].code").isEqualTo("INVITATIONS");
    }

    @Test
    void aChairsAlertOnAChildProtectionPlanRunsUnderTheUrgentPracticeProcedureWithItsOwnCategories() {
        String id = (String) post("cpc-1", "/api/v1/alerts", cpRaise("MOSAIC-P-1", "NOT_QUORATE"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        get("cpc-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.policy.id").isEqualTo("seed-000-cpc-urgent-practice")
                .jsonPath("$.raiserRole").isEqualTo("CPC");
        String iros = (String) post("iro-1", "/api/v1/alerts", cpRaise("MOSAIC-P-2", "SAFEGUARDING"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        get("iro-1", "/api/v1/alerts/{id}", iros).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.policy.id").isEqualTo("seed-002-cro-practice-alert");
    }

    @Test
    void aCategoryFromTheOtherProcedureIsRefused() {
        post("cpc-1", "/api/v1/alerts", cpRaise("MOSAIC-P-3", "SAFEGUARDING")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString())
                        .contains("SAFEGUARDING", "seed-000-cpc-urgent-practice"));
    }

    @Test
    void aRaiseNoProcedureAppliesToIsRefusedFieldByFieldNamingTheProceduresInForce() {
        Map<String, Object> body = cpRaise("MOSAIC-P-4", "NOT_QUORATE");
        body.put("planType", "CHILD_WE_CARE_FOR");
        post("cpc-1", "/api/v1/alerts", body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("procedure")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString())
                        .contains("no procedure in force applies", "seed-000-cpc-urgent-practice",
                                "seed-002-cro-practice-alert"));
    }

    @Test
    void namingAProcedureThatDoesNotApplyToTheRaiserIsRefused() {
        Map<String, Object> body = cpRaise("MOSAIC-P-5", "SAFEGUARDING");
        body.put("procedure", "seed-002-cro-practice-alert");
        post("cpc-1", "/api/v1/alerts", body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("procedure");
        get("cpc-1", "/api/v1/alerts?childRef=MOSAIC-P-5").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void aSocialWorkersConcernAboutAChairIsRefusedWhereNoProcedureInForceRoutesIt() {
        Map<String, Object> body = cpRaise("MOSAIC-P-6", "NOT_QUORATE");
        body.put("concernAbout", Map.of("subject", "CHAIR", "personId", "cpc-1"));
        post("sw-north", "/api/v1/alerts", body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("procedure")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("about a chair"));
        post("sw-north", "/api/v1/alerts", cpRaise("MOSAIC-P-7", "NOT_QUORATE")).expectStatus().isForbidden();
    }

    @Test
    void theAllocatedSocialWorkerCanSeeTheAlertAndAnotherSocialWorkerCannot() {
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-P-8"));
        body.put("socialWorkerId", "sw-north");
        String id = (String) post("iro-1", "/api/v1/alerts", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        get("sw-north", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.socialWorkerId").isEqualTo("sw-north");
        // the list follows the event store within about a second
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                get("sw-north", "/api/v1/alerts?childRef=MOSAIC-P-8").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.length()").isEqualTo(1));
        get("sw-south", "/api/v1/alerts/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void anInformalResolutionIsRecordedOnItsOwnAndAFormalAlertLinksToIt() {
        String record = (String) post("iro-1", "/api/v1/informal-resolutions", Map.of("childRef", "MOSAIC-P-9",
                "planType", "CHILD_WE_CARE_FOR", "teamId", "team-north", "withPersonId", "sw-north",
                "discussedOn", "2026-01-02", "outcome", "Visit promised, not made.", "resolved", false))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-P-9"));
        body.put("informalResolution", Map.of("discussedOn", "2026-01-02", "withPersonId", "sw-north",
                "outcome", "Visit promised, not made.", "recordId", record));
        String id = (String) post("iro-1", "/api/v1/alerts", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.informalResolution.recordId").isEqualTo(record);
        post("tm-north", "/api/v1/informal-resolutions", Map.of("childRef", "MOSAIC-P-9",
                "planType", "CHILD_WE_CARE_FOR", "teamId", "team-north", "discussedOn", "2026-01-02",
                "outcome", "x", "resolved", true)).expectStatus().isForbidden();
    }

    @Test
    void aFormalAlertNamingAnInformalResolutionNeverRecordedOrAboutAnotherChildIsRefusedOnThatField() {
        String record = (String) post("iro-1", "/api/v1/informal-resolutions", Map.of("childRef", "MOSAIC-P-10",
                "planType", "CHILD_WE_CARE_FOR", "teamId", "team-north", "withPersonId", "sw-north",
                "discussedOn", "2026-01-02", "outcome", "Visit promised, not made.", "resolved", false))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (String[] link : new String[][] {{"MOSAIC-P-11", record, "is about another child"},
                {"MOSAIC-P-10", "0b8d3c2e-9999-4000-8000-000000000099", "is recorded"}}) {
            Map<String, Object> body = new HashMap<>(raiseBody(link[0]));
            body.put("informalResolution", Map.of("discussedOn", "2026-01-02", "withPersonId", "sw-north",
                    "outcome", "Visit promised, not made.", "recordId", link[1]));
            post("iro-1", "/api/v1/alerts", body).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("informalResolution.recordId")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).endsWith(link[2]));
            get("iro-1", "/api/v1/alerts?childRef={c}", link[0]).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.length()").isEqualTo(0);
        }
    }

    @Test
    void theServiceManagersContactStageRefusesAnAnswerWithoutItsContactAndRecordsTheContactAndActionPlanGiven() {
        Map<String, Object> body = cpRaise("MOSAIC-P-10", "CORE_GROUPS");
        body.put("startStage", 2);
        body.put("bypassReason", "The team manager is the subject of the concern.");
        String id = (String) post("cpc-1", "/api/v1/alerts", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        String raisedAt = (String) get("cpc-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("raisedAt");
        String dueBy = java.time.LocalDate.ofInstant(java.time.Instant.parse(raisedAt), java.time.ZoneId.of(
                "Europe/London")).toString();
        List<Map<String, Object>> plan = List.of(Map.of("description", "Core group to be held", "ownerId",
                "tm-north", "dueDate", dueBy));

        post("irs-sm", "/api/v1/alerts/{id}/responses", Map.of("response", "Spoke to the service manager.",
                "actions", plan), id).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("contact");
        post("irs-sm", "/api/v1/alerts/{id}/responses", Map.of("response", "Spoke to the service manager.",
                "actions", plan, "contact", Map.of("madeAt", raisedAt), "meeting", Map.of("heldAt", raisedAt,
                        "attendeeIds", List.of("tm-north"))), id).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("meeting");
        post("irs-sm", "/api/v1/alerts/{id}/responses", Map.of("response", "Urgent action plan agreed.",
                "actions", plan, "contact", Map.of("madeAt", raisedAt)), id).expectStatus().is2xxSuccessful();

        get("cpc-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("AWAITING_JUDGEMENT")
                .jsonPath("$.responses[0].record.contact.withPersonId").isEqualTo("sm-north")
                .jsonPath("$.responses[0].record.contact.madeAt").isEqualTo(raisedAt)
                .jsonPath("$.responses[0].record.actionsDueBy").exists();
    }
}
