package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An admin keeps the directory in the browser: people and teams added and changed, and CSV files imported. */
class DirectoryAdminPageTest extends PageTestBase {

    private static final String PERSON = "{\"id\":\"sw-north-2\",\"displayName\":\"Social Worker Two\","
            + "\"email\":\"sw2@demo-council.example\",\"teamsWebhook\":null,\"roles\":[\"SOCIAL_WORKER\"],"
            + "\"teamId\":\"team-north\",\"managerId\":\"tm-north\",\"active\":true,\"preference\":\"BOTH\"}";

    private void directory() {
        SERVICES.on("GET", "/api/v1/directory/people", 200, "[" + PERSON + "]");
        SERVICES.on("GET", "/api/v1/directory/teams", 200,
                "[{\"id\":\"team-north\",\"name\":\"North\",\"managerId\":\"tm-north\",\"teamsWebhook\":null}]");
        SERVICES.on("GET", "/api/v1/directory/covers", 200, "[]");
    }

    @Test
    void theDirectoryPagesAreForAdminsOnly() {
        signInAs("tm-north");

        assertThat(browser.get("/admin/directory/people/new").status()).isEqualTo(403);
        assertThat(browser.get("/admin/directory/import").status()).isEqualTo(403);
    }

    @Test
    void anAdminChangesAPersonWithTheFormFilledFromTheDirectoryAndEveryTickedRoleIsSent() {
        signInAs("admin-1");
        directory();
        SERVICES.on("GET", "/api/v1/directory/people/sw-north-2", 200, PERSON);
        assertThat(browser.get("/admin/directory").body()).contains("href=\"/admin/directory/people/sw-north-2\"");
        Page form = browser.get("/admin/directory/people/sw-north-2");
        assertThat(form.body()).contains("Change sw-north-2", "value=\"Social Worker Two\"",
                "value=\"SOCIAL_WORKER\" checked=\"checked\"", "value=\"BOTH\" checked=\"checked\"");
        assertThat(form.body()).as("acronyms as people write them").contains(">IRO</label>", ">Social worker</label>");
        SERVICES.on("PUT", "/api/v1/directory/people/sw-north-2", 200, PERSON);

        Page saved = browser.post("/admin/directory/people", form, List.of(Map.entry("mode", "change"),
                Map.entry("id", "sw-north-2"), Map.entry("displayName", "Social Worker Two"),
                Map.entry("email", "sw2@demo-council.example"), Map.entry("roles", "SOCIAL_WORKER"),
                Map.entry("roles", "TEAM_MANAGER"), Map.entry("teamId", "team-north"), Map.entry("managerId", "sm-1"),
                Map.entry("preference", "EMAIL"), Map.entry("active", "no")));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/admin/directory?done=person");
        assertThat(SERVICES.sent()).anySatisfy(s -> {
            assertThat(s.method()).isEqualTo("PUT");
            assertThat(s.body()).contains("\"roles\":[\"SOCIAL_WORKER\",\"TEAM_MANAGER\"]", "\"managerId\":\"sm-1\"",
                    "\"active\":false", "\"preference\":\"EMAIL\"").doesNotContain("mode", "_csrf");
        });
        assertThat(browser.get("/admin/directory?done=person").body()).contains("The person was saved.");
    }

    @Test
    void aPersonTheDirectoryRefusesIsShownAgainFieldByFieldWithWhatWasTyped() {
        signInAs("admin-1");
        Page form = browser.get("/admin/directory/people/new");
        SERVICES.on("PUT", "/api/v1/directory/people/sw-new", 400, "{\"status\":400,\"title\":\"Invalid request\","
                + "\"errors\":[{\"field\":\"roles\",\"message\":\"must not be empty\"},"
                + "{\"field\":\"email\",\"message\":\"must be a well-formed email address\"}]}");

        Page refused = browser.post("/admin/directory/people", form, List.of(Map.entry("mode", "add"),
                Map.entry("id", "sw-new"), Map.entry("displayName", "New Worker"), Map.entry("email", "nope")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#roles\">Roles: must not be empty",
                "href=\"#email\">Email: must be a well-formed email address", "id=\"roles\"", "value=\"New Worker\"",
                "value=\"nope\"");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.body()).contains("\"roles\":[]"));
    }

    @Test
    void aPersonWithoutAnIdIsRefusedBeforeTheDirectoryIsAsked() {
        signInAs("admin-1");
        Page form = browser.get("/admin/directory/people/new");

        Page refused = browser.post("/admin/directory/people", form, Map.of("mode", "add", "id", "not ok!"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#id\">Id: must be letters, digits");
        assertThat(SERVICES.sent()).noneMatch(s -> s.method().equals("PUT"));
    }

    @Test
    void anAdminAddsATeam() {
        signInAs("admin-1");
        Page form = browser.get("/admin/directory/teams/new");
        SERVICES.on("PUT", "/api/v1/directory/teams/team-east", 200, "{\"id\":\"team-east\"}");

        Page saved = browser.post("/admin/directory/teams", form, Map.of("mode", "add", "id", "team-east",
                "name", "East", "managerId", "tm-east", "teamsWebhook", ""));

        assertThat(saved.header("Location")).isEqualTo("/admin/directory?done=team");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.body())
                .contains("\"name\":\"East\"", "\"managerId\":\"tm-east\"").doesNotContain("teamsWebhook", "mode"));
    }

    @Test
    void aCsvFileIsSentToTheDirectoryAsItIsAndTheImportIsCounted() {
        signInAs("admin-1");
        Page page = browser.get("/admin/directory/import");
        SERVICES.on("POST", "/api/v1/directory/import/covers.csv", 200, "{\"people\":0,\"teams\":0,\"covers\":2}");
        String csv = "\uFEFFid,absentPersonId,coverPersonId,from,to\r\nc-1,tm-north,tm-duty,2027-01-04,2027-01-08\r\n"
                + "c-2,tm-south,tm-duty,2027-02-01,2027-02-05\r\n";

        Page done = browser.upload("/admin/directory/import", page, Map.of("kind", "covers"), "csv", "covers.csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).isEqualTo("/admin/directory/import?imported=2+covers");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.body()).isEqualTo(csv));
        assertThat(browser.get("/admin/directory/import?imported=2+covers").body()).contains("Imported 2 covers.");
    }

    @Test
    void everyBadRowTheDirectoryReportsIsListedInTheErrorSummaryLinkingToTheFile() {
        signInAs("admin-1");
        Page page = browser.get("/admin/directory/import");
        SERVICES.on("POST", "/api/v1/directory/import/people.csv", 400, "{\"status\":400,\"title\":\"Invalid request\","
                + "\"detail\":\"2 problem(s) in the file; nothing was imported\",\"errors\":["
                + "{\"field\":\"rows[3].roles\",\"message\":\"row 3: roles has an unknown role \\\"WIZARD\\\"\"},"
                + "{\"field\":\"rows[5].email\",\"message\":\"row 5: email must be a well-formed email address\"}]}");

        Page refused = browser.upload("/admin/directory/import", page, Map.of("kind", "people"), "csv", "people.csv",
                "id,displayName,roles\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<a href=\"#csv\">row 3: roles has an unknown role &quot;WIZARD&quot;</a>",
                "<a href=\"#csv\">row 5: email must be a well-formed email address</a>",
                "The file has 2 problems; nothing was imported", "govuk-file-upload--error");
    }

    @Test
    void anUploadWithoutItsCsrfTokenOrWithoutAFileChangesNothing() {
        signInAs("admin-1");
        Page page = browser.get("/admin/directory/import");

        Page forged = browser.upload("/admin/directory/import", null, Map.of("kind", "people"), "csv", "p.csv",
                "id,displayName,roles\nx,y,IRO\n".getBytes(StandardCharsets.UTF_8));
        Page empty = browser.upload("/admin/directory/import", page, Map.of("kind", "people"), "csv", "p.csv",
                new byte[0]);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("href=\"#csv\">Csv: Select a CSV file");
        assertThat(SERVICES.sent()).noneMatch(s -> s.path().contains("/import/"));
    }

    @Test
    void aFileJustOverTheLimitIsRefusedWithoutBeingSent() {
        signInAs("admin-1");
        Page page = browser.get("/admin/directory/import");

        Page refused = browser.upload("/admin/directory/import", page, Map.of("kind", "people"), "csv", "big.csv",
                filled(2 * 1024 * 1024 + 10));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("The file must be smaller than 2 MB");
        assertThat(SERVICES.sent()).noneMatch(s -> s.path().contains("/import/"));
    }

    @Test
    void aFileFarOverTheLimitIsTurnedBackUnreadToThePageSayingSo() {
        signInAs("admin-1");
        Page page = browser.get("/admin/directory/import");

        Page back = browser.upload("/admin/directory/import", page, Map.of("kind", "people"), "csv", "big.csv",
                filled(6 * 1024 * 1024));

        assertThat(back.status()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo("/admin/directory/import?too-large=yes");
        assertThat(browser.get("/admin/directory/import?too-large=yes").body())
                .contains("href=\"#csv\">Csv: The file must be smaller than 2 MB");
        assertThat(SERVICES.sent()).noneMatch(s -> s.path().contains("/import/"));
    }

    private static byte[] filled(int size) {
        byte[] big = new byte[size];
        java.util.Arrays.fill(big, (byte) 'a');
        return big;
    }
}
