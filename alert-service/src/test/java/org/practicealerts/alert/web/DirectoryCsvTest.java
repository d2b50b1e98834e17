package org.practicealerts.alert.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.web.DirectoryController.ImportedCover;
import org.practicealerts.alert.web.DirectoryController.ImportedPerson;
import org.practicealerts.events.Role;
import org.practicealerts.support.InputProblems.FieldProblem;

class DirectoryCsvTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void peopleAreReadWithColumnsInAnyOrderABomQuotedCommasAndLineBreaksAndSeveralRoles() {
        String csv = "\uFEFFroles,displayName,id,managerId,email,active\r\n"
                + "SOCIAL_WORKER;team_manager,\"Worker, CSV\",sw-csv-1,tm-north,sw@demo-council.example,no\r\n"
                + "IRO,\"Two\nLines\",iro-csv-1,,,\r\n";

        List<ImportedPerson> people = DirectoryCsv.people(csv, validator);

        assertThat(people).hasSize(2);
        assertThat(people.get(0).id()).isEqualTo("sw-csv-1");
        assertThat(people.get(0).person().displayName()).isEqualTo("Worker, CSV");
        assertThat(people.get(0).person().roles()).containsExactlyInAnyOrder(Role.SOCIAL_WORKER, Role.TEAM_MANAGER);
        assertThat(people.get(0).person().active()).isFalse();
        assertThat(people.get(1).person().displayName()).isEqualTo("Two\nLines");
        assertThat(people.get(1).person().email()).isNull();
    }

    @Test
    void everyBadRowIsReportedByItsSpreadsheetRowAndColumnAndNothingIsReturned() {
        String csv = "id,displayName,roles,email,preference\n"
                + "ok-1,Fine,IRO,,\n"
                + "bad id!,Bad Id,IRO,,\n"
                + "bad-2,,WIZARD,not-an-email,CARRIER_PIGEON\n"
                + "ok-1,Twice,IRO,,\n";

        assertThatThrownBy(() -> DirectoryCsv.people(csv, validator)).isInstanceOfSatisfying(DirectoryCsv.Refused.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                        "rows[3].id", "rows[4].displayName", "rows[4].roles", "rows[4].email",
                        "rows[4].preference", "rows[5].id"));
    }

    @Test
    void aRowSayingWhatIsWrongNamesTheRowAndNeverEchoesOtherCells() {
        String csv = "id,displayName,roles\nsw-9,Someone,WIZARD\n";

        assertThatThrownBy(() -> DirectoryCsv.people(csv, validator)).isInstanceOfSatisfying(DirectoryCsv.Refused.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("rows[2].roles");
                    assertThat(p.message()).startsWith("row 2: roles").contains("WIZARD").doesNotContain("Someone");
                }));
    }

    @Test
    void anUnknownOrMissingColumnIsRefusedBeforeAnyRowIsRead() {
        String csv = "id,displayName,rolez\nsw-9,Someone,IRO\n";

        assertThatThrownBy(() -> DirectoryCsv.people(csv, validator)).isInstanceOfSatisfying(DirectoryCsv.Refused.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::message).anyMatch(m -> m.contains("rolez"))
                        .anyMatch(m -> m.contains("roles is missing")));
    }

    @Test
    void aFileThatIsNotCsvOrHasNoRowsIsRefused() {
        assertThatThrownBy(() -> DirectoryCsv.people("id,displayName,roles\n\"unclosed,x,IRO\n", validator))
                .isInstanceOfSatisfying(DirectoryCsv.Refused.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("body"));
        assertThatThrownBy(() -> DirectoryCsv.people("id,id,roles\na,b,IRO\n", validator))
                .isInstanceOfSatisfying(DirectoryCsv.Refused.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::message).anyMatch(m -> m.contains("named twice")));
        assertThatThrownBy(() -> DirectoryCsv.people("id,displayName,roles\n", validator))
                .isInstanceOfSatisfying(DirectoryCsv.Refused.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("rows"));
    }

    @Test
    void coversAreReadWithTheirDatesAndACoverEndingBeforeItStartsIsRefused() {
        String good = "id,absentPersonId,coverPersonId,from,to,reason\n"
                + "cover-1,tm-north,tm-duty,2026-12-21,2027-01-01,Annual leave\n";
        List<ImportedCover> covers = DirectoryCsv.covers(good, validator);
        assertThat(covers).singleElement().satisfies(c -> {
            assertThat(c.cover().from()).isEqualTo(LocalDate.of(2026, 12, 21));
            assertThat(c.cover().to()).isEqualTo(LocalDate.of(2027, 1, 1));
        });

        String bad = "id,absentPersonId,coverPersonId,from,to\n"
                + "cover-2,tm-north,tm-duty,2026-12-21,2026-12-01\n"
                + "cover-3,tm-north,,21/12/2026,2026-12-22\n";
        assertThatThrownBy(() -> DirectoryCsv.covers(bad, validator)).isInstanceOfSatisfying(DirectoryCsv.Refused.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                        "rows[2].to", "rows[3].coverPersonId", "rows[3].from"));
    }

    @Test
    void teamsAreReadAndATeamWithoutANameIsRefused() {
        assertThat(DirectoryCsv.teams("name,id\nNorth,team-n\n", validator)).singleElement()
                .satisfies(t -> assertThat(t.team().name()).isEqualTo("North"));
        assertThatThrownBy(() -> DirectoryCsv.teams("id,name\nteam-n,\n", validator))
                .isInstanceOfSatisfying(DirectoryCsv.Refused.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("rows[2].name"));
    }
}
