package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.practicealerts.alert.InMemoryDirectory;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.domain.StagePlanner.TimelineStage;
import org.practicealerts.calendar.DayCounting;
import org.practicealerts.calendar.Timescale;
import org.practicealerts.events.PlanType;

/**
 * Loading and validating policies: the four presets, a council's broken document (every problem in one pass), and
 * the ladders the presets produce, worked out by hand against the England and Wales bank holidays.
 */
class PolicyLoaderTest {

    static final List<String> PRESETS = PolicyLoader.PRESETS;

    // --- the presets ---

    @ParameterizedTest
    @FieldSource("PRESETS")
    void everyPresetLoadsAsALadderOfFourOrFiveStagesInLondonWorkingDays(String preset) {
        Policy p = PolicyLoader.preset(preset);

        assertThat(p.id()).isEqualTo(preset);
        assertThat(p.version()).as("exact versions are pinned by PresetVersionPinTest").isPositive();
        // seed 000 has a fifth rung: the group managers discuss before the Service Director
        List<Integer> stages = preset.startsWith("seed-000") ? List.of(1, 2, 3, 4, 5) : List.of(1, 2, 3, 4);
        assertThat(p.stages()).extracting(StageRule::number).containsExactlyElementsOf(stages);
        assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(p.endOfDay()).isEqualTo(LocalTime.of(17, 0));
        assertThat(p.dayCounting()).isEqualTo(DayCounting.RAISED_DAY_IS_DAY_ZERO);
        assertThat(p.bypassStages()).containsExactlyInAnyOrderElementsOf(stages.subList(1, stages.size()));
        assertThat(p.urgentEntryStage()).isEqualTo(2);
        assertThat(p.statutoryTotalFor(PlanType.CHILD_WE_CARE_FOR)).contains(Timescale.workingDays(20));
        assertThat(p.statutoryTotalFor(PlanType.CHILD_PROTECTION)).isEmpty();
        assertThat(p.hasCategory("STATUTORY_VISIT")).as("every seed names visits not made").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "seed-000-cpc-urgent-practice, INVITATIONS NOT_QUORATE NO_SOCIAL_WORKER_REPORT STATUTORY_VISIT CORE_GROUPS "
                    + "DRIFT CP_CONCERNS_NOT_RESPONDED OTHER",
            "seed-001-case-alert, IMMEDIATE_RISK REPORT_LATE REPORT_NOT_SHARED CORE_GROUPS STATUTORY_VISIT CHILDS_VOICE "
                    + "PLAN_NOT_PROGRESSED CASE_RECORDING",
            "seed-002-cro-practice-alert, SAFEGUARDING CHILDS_VOICE NOT_INCLUDED_IN_MEETING REPORT_NOT_COMPLETED "
                    + "PLAN_NOT_PROGRESSED STATUTORY_VISIT LIFE_STORY_WORK ASSESSMENT_LATE MISSING_PROTOCOL "
                    + "OFFICER_NOT_INFORMED PATHWAY_PLANNING FAMILY_NETWORK_MEETING OTHER",
            "seed-003-cp-resolution, INVITE_LIST CHILD_CARE_ARRANGEMENTS ADVOCATE_REFERRAL INTERPRETER "
                    + "REPORT_NOT_SHARED CORE_GROUPS STATUTORY_VISIT PLAN_PROGRESS ESCALATION_OF_RISK CASE_MANAGEMENT "
                    + "PRACTICE_ISSUE OTHER"})
    void eachPresetCapturesAlertsUnderItsOwnSeedsTriggersOrHeadings(String preset, String codes) {
        assertThat(PolicyLoader.preset(preset).categories()).extracting(Category::code)
                .containsExactly(codes.split(" "));
    }

    @Test
    void theCpcPresetHasTenWorkingDaysThenA24HourContactAndPlanThenAMeetingThenTwoFiveWorkingDayDiscussions() {
        Policy p = PolicyLoader.preset("seed-000-cpc-urgent-practice");

        assertThat(p.stages()).extracting(StageRule::responseTimescale).containsExactly(Timescale.workingDays(10),
                Timescale.hours(24), Timescale.workingDays(7), Timescale.workingDays(5), Timescale.workingDays(5));
        assertThat(p.stages()).extracting(StageRule::reminderBefore).containsExactly(Timescale.workingDays(1),
                Timescale.hours(4), Timescale.workingDays(1), Timescale.workingDays(1), Timescale.workingDays(1));
        // the chair service's service manager makes the contact and chairs the meeting; its group manager (the
        // raiser's head of service) discusses with the operational group manager, then with the Service Director
        assertThat(p.stages()).extracting(StageRule::responder).containsExactly(Relation.CHILDS_TEAM_MANAGER,
                Relation.RAISERS_SERVICE_MANAGER, Relation.RAISERS_SERVICE_MANAGER, Relation.RAISERS_HEAD_OF_SERVICE,
                Relation.RAISERS_HEAD_OF_SERVICE);
        assertThat(p.stages()).extracting(StageRule::task).containsExactly(StageTask.ANSWER,
                new StageTask(StageTask.Requires.CONTACT, Relation.CHILDS_SERVICE_MANAGER, List.of(),
                        Timescale.calendarDays(7)),
                new StageTask(StageTask.Requires.MEETING, null, List.of(Relation.ALLOCATED_SOCIAL_WORKER,
                        Relation.RAISER, Relation.CHILDS_TEAM_MANAGER, Relation.CHILDS_SERVICE_MANAGER), null),
                new StageTask(StageTask.Requires.CONTACT, Relation.CHILDS_HEAD_OF_SERVICE, List.of(), null),
                new StageTask(StageTask.Requires.CONTACT, Relation.CHILDS_SERVICE_DIRECTOR, List.of(), null));
        assertThat(p.hoursOnNonWorkingDay()).isEqualTo(HoursOnNonWorkingDay.NEXT_WORKING_DAY);
    }

    @Test
    void refusesAStageTaskThatDoesNotFitWhatTheStageRequires() {
        List<String> problems = problemsOf("""
                id: council-own
                version: 1
                name: Own
                stages:
                  - { number: 1, name: One, responder: CHILDS_TEAM_MANAGER, response: "5 working days", requires: CONTACT }
                  - { number: 2, name: Two, responder: CHILDS_SERVICE_MANAGER, response: "5 working days", contactWith: RAISER, attendees: [RAISER] }
                  - { number: 3, name: Three, responder: CHILDS_HEAD_OF_SERVICE, response: "5 working days", requires: CALL, actionPlanWithin: "soon" }
                """);

        assertThat(problems).contains("stages[0].contactWith: required",
                "stages[1].contactWith: only a stage that requires: CONTACT names one",
                "stages[1].attendees: only a stage that requires: MEETING has attendees");
        assertThat(problems).anySatisfy(m -> assertThat(m).startsWith("stages[2].requires: 'CALL' is not valid"));
        assertThat(problems).anySatisfy(m -> assertThat(m).startsWith("stages[2].actionPlanWithin: 'soon' is not valid"));
    }

    @Test
    void onlyTheCpResolutionPresetRefersItsFinalStageToThePartnership() {
        assertThat(PRESETS).filteredOn(id -> PolicyLoader.preset(id).finalStageReferral())
                .containsExactly("seed-003-cp-resolution");
    }

    @Test
    void refusesAPresetNameThatIsNotShippedAndListsThePresets() {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyLoader.preset("seed-999-nowhere"));

        assertThat(e.problems()).singleElement().asString().contains("seed-999-nowhere")
                .contains("seed-002-cro-practice-alert");
    }

    // --- a council's own document ---

    static final String BROKEN = """
            id: broken-council
            version: 1
            name: "Broken council procedure"
            zone: Europe/London
            endOfDay: "17:00"
            escalateEveryHours: 12
            stages:
              - { number: 1, name: "Team manager", responder: CHILDS_SOCIAL_WORKER, response: "5 working days" }
              - { number: 3, name: "Service manager", responder: CHILDS_SERVICE_MANAGER, response: "five working days" }
              - { number: 2, name: "Head of service", responder: CHILDS_HEAD_OF_SERVICE, response: "5 working days",
                  reminderBefor: "1 working day" }
            bypassStages: [2, 7]
            categories:
              - { code: SAFEGUARDING, label: "Safeguarding issues not satisfactorily addressed" }
              - { code: SAFEGUARDING, label: "Safeguarding, again" }
            """;

    @Test
    void reportsEveryProblemOfABrokenDocumentInOnePass() {
        List<String> problems = problemsOf(BROKEN);

        assertThat(problems).hasSize(8);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("stages[0].responder:")
                .contains("CHILDS_SOCIAL_WORKER"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("stages[1].response:")
                .contains("five working days"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("stages[1].number:").contains("in order"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("stages[2].number:").contains("in order"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("bypassStages: 7 is not a stage between 2 and 3"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("categories: code SAFEGUARDING appears twice"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("escalateEveryHours:").contains("unknown field"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("stages[2].reminderBefor:")
                .contains("unknown field"));
    }

    @Test
    void reportsMissingCategoriesAlongsideTheOtherMissingFields() {
        List<String> problems = problemsOf("""
                id: no-categories
                version: 0
                stages:
                  - { number: 1, name: "Team manager", responder: CHILDS_TEAM_MANAGER, response: "5 working days" }
                """);

        assertThat(problems).containsExactlyInAnyOrder("version: required, 1 or more", "name: required",
                "categories: at least one category is required");
    }

    @Test
    void reportsAnUnknownFieldInACategoryAndInANestedValueWithoutLosingTheRest() {
        List<String> problems = problemsOf("""
                id: typos
                version: 1
                name: "Typos"
                stages:
                  - number: 1
                    name: "Team manager"
                    responder: CHILDS_TEAM_MANAGER
                    response: "5 working days"
                    escalation: { after: "5 working days", to: [CHILDS_SERVICE_MANAGER] }
                categories:
                  - { code: OTHER, label: "Other", colour: red }
                urgentEntryStage: 3
                """);

        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("stages[0].escalation:").contains("unknown field"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("categories[0].colour:").contains("unknown field"));
        assertThat(problems).contains("urgentEntryStage: 3 is not a stage between 1 and 1");
    }

    @Test
    void reportsEmptyStageAndCategoryEntriesAsProblemsRatherThanFailing() {
        List<String> problems = problemsOf("""
                id: blanks
                version: 1
                name: "Blank entries"
                stages:
                  - { number: 1, name: "Team manager", responder: CHILDS_TEAM_MANAGER, response: "5 working days" }
                  -
                categories:
                  -
                  - { code: OTHER, label: "Other" }
                """);

        assertThat(problems).containsExactlyInAnyOrder("stages[1]: empty stage", "categories[0]: empty category");
    }

    @Test
    void refusesAnEmptyDocumentWithAProblemRatherThanFailing() {
        assertThat(problemsOf("")).singleElement().asString().contains("not a valid policy document");
    }

    @Test
    void refusesTheRaiserAsAStageResponder() {
        List<String> problems = problemsOf("""
                id: self-answer
                version: 1
                name: "Raiser answers"
                stages:
                  - { number: 1, name: "Raiser", responder: RAISER, response: "5 working days" }
                categories:
                  - { code: OTHER, label: "Other" }
                """);

        assertThat(problems).containsExactly("stages[0].responder: the raiser cannot respond");
    }

    // --- the ladders the presets produce ---

    final StagePlanner planner = TestPolicies.planner("seed-002-cro-practice-alert", InMemoryDirectory.demo());

    @Test
    void theCroPresetsTimelineFromMondayFifthOfJanuary2026IsFourWeeksOfFiveWorkingDays() {
        Policy p = PolicyLoader.preset("seed-002-cro-practice-alert");

        List<TimelineStage> timeline = planner.timeline(p, 1, at("2026-01-05T09:30:00Z"));

        assertThat(timeline).containsExactly(
                // day 0 Mon 5 Jan; Tue 6 .. Mon 12 (5) -> 17:00 GMT; reminder one working day before: Fri 9 Jan
                new TimelineStage(1, "CRO and team manager", Relation.CHILDS_TEAM_MANAGER, "5 working days",
                        at("2026-01-05T09:30:00Z"), at("2026-01-09T17:00:00Z"), at("2026-01-12T17:00:00Z")),
                // enters at stage 1's deadline; day 0 Mon 12 Jan -> Mon 19 Jan; reminder Fri 16 Jan
                new TimelineStage(2, "CRO and service manager", Relation.CHILDS_SERVICE_MANAGER, "5 working days",
                        at("2026-01-12T17:00:00Z"), at("2026-01-16T17:00:00Z"), at("2026-01-19T17:00:00Z")),
                // day 0 Mon 19 Jan -> Mon 26 Jan; reminder Fri 23 Jan
                new TimelineStage(3, "CRO and head of service", Relation.CHILDS_HEAD_OF_SERVICE, "5 working days",
                        at("2026-01-19T17:00:00Z"), at("2026-01-23T17:00:00Z"), at("2026-01-26T17:00:00Z")),
                // day 0 Mon 26 Jan -> Mon 2 Feb; reminder Fri 30 Jan
                new TimelineStage(4, "CRO and assistant director", Relation.CHILDS_ASSISTANT_DIRECTOR,
                        "5 working days", at("2026-01-26T17:00:00Z"), at("2026-01-30T17:00:00Z"),
                        at("2026-02-02T17:00:00Z")));
    }

    @Test
    void theCroPresetsUnansweredLadderEndsExactlyAtTheStatutoryTwentyWorkingDays() {
        Policy p = PolicyLoader.preset("seed-002-cro-practice-alert");
        Instant raised = at("2026-01-05T09:30:00Z");

        Instant lastDue = planner.timeline(p, 1, raised).get(3).responseDueAt();

        // 20 working days from Mon 5 Jan 2026 (day 0): Jan 6-9 (4), 12-16 (9), 19-23 (14), 26-30 (19), Mon 2 Feb (20)
        assertThat(planner.statutoryDue(p, PlanType.CHILD_WE_CARE_FOR, raised)).isEqualTo(at("2026-02-02T17:00:00Z"))
                .isEqualTo(lastDue);
    }

    @Test
    void theCpcPresetsUnansweredLadderOverrunsTheStatutoryTwentyWorkingDays() {
        Policy p = PolicyLoader.preset("seed-000-cpc-urgent-practice");
        // Fri 13 Mar 2026: the same dates as the seed-000 ladder walk
        Instant raised = at("2026-03-13T09:00:00Z");

        List<TimelineStage> timeline = planner.timeline(p, 1, raised);
        Instant statutory = planner.statutoryDue(p, PlanType.CHILD_WE_CARE_FOR, raised);

        // 10 working days -> Fri 27 Mar 17:00 GMT; + 24 hours -> Sat 28 Mar, moved to Mon 30 Mar 17:00 BST (16:00Z);
        // 7 working days over Easter -> Fri 10 Apr 17:00 BST; 5 working days -> Fri 17 Apr; 5 more -> Fri 24 Apr
        assertThat(timeline).extracting(TimelineStage::responseDueAt).containsExactly(at("2026-03-27T17:00:00Z"),
                at("2026-03-30T16:00:00Z"), at("2026-04-10T16:00:00Z"), at("2026-04-17T16:00:00Z"),
                at("2026-04-24T16:00:00Z"));
        // 20 working days from Fri 13 Mar: Mar 16-20 (5), 23-27 (10), 30, 31, Apr 1, 2 (14), [Good Friday,
        // Easter Monday], Apr 7-10 (18), 13 (19), 14 (20) -> Tue 14 Apr 17:00 BST
        assertThat(statutory).isEqualTo(at("2026-04-14T16:00:00Z"));
        assertThat(timeline.get(3).responseDueAt()).as("the ladder overruns the statutory total").isAfter(statutory);
    }

    private static List<String> problemsOf(String yaml) {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyLoader.load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
        assertThat(e).as("the document is refused").isNotNull();
        return e.problems();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
