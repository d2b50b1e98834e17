package org.practicealerts.alert.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.practicealerts.calendar.DayCounting;
import org.practicealerts.calendar.Timescale;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.PlanType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a policy from YAML and validates it completely: every problem is reported, not just the first. The
 * presets for the four seed procedures live in {@code classpath:policies/}.
 */
public final class PolicyLoader {

    /** The presets shipped with the product, one per seed procedure. */
    public static final List<String> PRESETS = List.of(
            "seed-000-cpc-urgent-practice", "seed-001-case-alert", "seed-002-cro-practice-alert",
            "seed-003-cp-resolution");

    // Unknown fields are found by unknownFields(), so they are reported together with every other problem instead
    // of stopping the read at the first one.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Set<String> POLICY_FIELDS = fieldNames(PolicyDocument.class);
    private static final Set<String> STAGE_FIELDS = fieldNames(PolicyDocument.StageDocument.class);
    private static final Set<String> CATEGORY_FIELDS = fieldNames(Category.class);

    private PolicyLoader() {
    }

    /** Loads a shipped preset by id. */
    public static Policy preset(String id) {
        if (!PRESETS.contains(id)) {
            throw new InvalidPolicyException(id, List.of("no preset named " + id + "; presets are " + PRESETS));
        }
        try (InputStream in = PolicyLoader.class.getResourceAsStream("/policies/" + id + ".yaml")) {
            return load(id, in);
        } catch (IOException e) {
            throw new InvalidPolicyException(id, List.of("cannot read preset: " + e.getMessage()));
        }
    }

    public static Policy load(String source, InputStream yaml) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new InvalidPolicyException(source, List.of("not a valid policy document: " + e.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new InvalidPolicyException(source, List.of("not a valid policy document: it is empty"));
        }
        if (!tree.isObject()) {
            throw new InvalidPolicyException(source, List.of("not a valid policy document: expected fields (id, "
                    + "version, stages, ...) at the top level"));
        }
        List<String> unknown = unknownFields(tree);
        PolicyDocument doc;
        try {
            doc = YAML.treeToValue(tree, PolicyDocument.class);
        } catch (JacksonException e) {
            List<String> problems = new ArrayList<>(unknown);
            problems.add("not a valid policy document: " + e.getOriginalMessage());
            throw new InvalidPolicyException(source, problems);
        }
        return convert(source, doc, unknown);
    }

    static Policy convert(String source, PolicyDocument doc) {
        return convert(source, doc, List.of());
    }

    private static Policy convert(String source, PolicyDocument doc, List<String> earlierProblems) {
        List<String> problems = new ArrayList<>(earlierProblems);
        require(doc.id() != null && doc.id().matches("[a-z0-9][a-z0-9-]{1,63}"), problems,
                "id: required, lower-case letters, digits and hyphens");
        require(doc.version() != null && doc.version() >= 1, problems, "version: required, 1 or more");
        require(doc.name() != null && !doc.name().isBlank(), problems, "name: required");
        ZoneId zone = parse(problems, "zone", doc.zone() == null ? "Europe/London" : doc.zone(), ZoneId::of);
        LocalTime endOfDay = parse(problems, "endOfDay", doc.endOfDay() == null ? "17:00" : doc.endOfDay(),
                LocalTime::parse);
        DayCounting counting = parse(problems, "dayCounting",
                doc.dayCounting() == null ? DayCounting.RAISED_DAY_IS_DAY_ZERO.name() : doc.dayCounting(),
                DayCounting::valueOf);

        List<StageRule> stages = new ArrayList<>();
        List<PolicyDocument.StageDocument> stageDocs = doc.stages() == null ? List.of() : doc.stages();
        require(!stageDocs.isEmpty(), problems, "stages: at least one stage is required");
        for (int i = 0; i < stageDocs.size(); i++) {
            PolicyDocument.StageDocument s = stageDocs.get(i);
            String at = "stages[" + i + "]";
            if (s == null) {
                problems.add(at + ": empty stage");
                continue;
            }
            require(s.number() != null && s.number() == i + 1, problems,
                    at + ".number: stages are numbered 1, 2, 3 … in order");
            require(s.name() != null && !s.name().isBlank(), problems, at + ".name: required");
            Relation responder = parse(problems, at + ".responder", s.responder(), Relation::valueOf);
            require(responder != Relation.RAISER, problems, at + ".responder: the raiser cannot respond");
            Timescale response = parse(problems, at + ".response", s.response(), Timescale::parse);
            Timescale reminder = s.reminderBefore() == null ? null
                    : parse(problems, at + ".reminderBefore", s.reminderBefore(), Timescale::parse);
            List<Relation> notify = relations(problems, at + ".notify", s.tell());
            stages.add(new StageRule(i + 1, s.name(), responder, response, reminder, notify, task(problems, at, s)));
        }
        int finalStage = stageDocs.size();
        Set<Integer> bypass = new HashSet<>(doc.bypassStages() == null ? List.of() : doc.bypassStages());
        for (Integer b : bypass) {
            require(b != null && b >= 2 && b <= finalStage, problems,
                    "bypassStages: " + b + " is not a stage between 2 and " + finalStage);
        }
        int urgent = doc.urgentEntryStage() == null ? 1 : doc.urgentEntryStage();
        require(urgent >= 1 && urgent <= finalStage, problems,
                "urgentEntryStage: " + urgent + " is not a stage between 1 and " + finalStage);
        Timescale statutory = doc.statutoryTotal() == null ? null
                : parse(problems, "statutoryTotal", doc.statutoryTotal(), Timescale::parse);
        Set<PlanType> planTypes = EnumSet.noneOf(PlanType.class);
        for (String p : doc.statutoryPlanTypes() == null ? List.<String>of() : doc.statutoryPlanTypes()) {
            PlanType t = parse(problems, "statutoryPlanTypes", p, PlanType::valueOf);
            if (t != null) {
                planTypes.add(t);
            }
        }
        List<Category> categories = doc.categories() == null ? List.of() : doc.categories();
        require(!categories.isEmpty(), problems, "categories: at least one category is required");
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            if (c == null) {
                problems.add("categories[" + i + "]: empty category");
                continue;
            }
            require(c.code() != null && c.code().matches("[A-Z][A-Z0-9_]{0,63}"), problems,
                    "categories: code " + c.code() + " must be UPPER_SNAKE_CASE");
            require(codes.add(c.code()), problems, "categories: code " + c.code() + " appears twice");
            require(c.label() != null && !c.label().isBlank(), problems, "categories: " + c.code() + " needs a label");
        }
        List<Relation> immediate = relations(problems, "immediateRiskNotify", doc.immediateRiskNotify());
        List<Relation> raise = relations(problems, "raiseNotify", doc.raiseNotify());
        MissedDeadline missed = parse(problems, "onMissedDeadline",
                doc.onMissedDeadline() == null ? MissedDeadline.ESCALATE.name() : doc.onMissedDeadline(),
                MissedDeadline::valueOf);
        boolean referral = Boolean.TRUE.equals(doc.finalStageReferral());
        NextRoute after = parse(problems, "afterFinalStage", doc.afterFinalStage() != null ? doc.afterFinalStage()
                : (referral ? NextRoute.SAFEGUARDING_PARTNERSHIP : NextRoute.NONE).name(), NextRoute::valueOf);
        Relation chairRoute = doc.chairConcernResponder() == null ? null
                : parse(problems, "chairConcernResponder", doc.chairConcernResponder(), Relation::valueOf);
        require(chairRoute != Relation.RAISER, problems, "chairConcernResponder: the raiser cannot respond");
        List<Relation> chairLadder = relations(problems, "chairConcernLadder", doc.chairConcernLadder());
        require(chairLadder.isEmpty() || chairRoute != null, problems,
                "chairConcernLadder: needs chairConcernResponder for stage 1");
        require(chairLadder.isEmpty() || chairLadder.size() == stageDocs.size() - 1, problems,
                "chairConcernLadder: one responder for each stage above the first (" + (stageDocs.size() - 1) + ")");
        require(!chairLadder.contains(Relation.RAISER), problems, "chairConcernLadder: the raiser cannot respond");
        HoursOnNonWorkingDay hours = parse(problems, "hoursOnNonWorkingDay", doc.hoursOnNonWorkingDay() == null
                ? HoursOnNonWorkingDay.KEEP.name() : doc.hoursOnNonWorkingDay(), HoursOnNonWorkingDay::valueOf);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(source, problems);
        }
        return new Policy(doc.id(), doc.version(), doc.name(), doc.description(), zone, endOfDay, counting, stages,
                bypass, urgent, immediate, raise, referral, statutory, planTypes, categories, missed, after,
                chairRoute, hours, chairLadder);
    }

    /** What a stage's answer must record: a contact with someone, a meeting with invitees, an action plan. */
    private static StageTask task(List<String> problems, String at, PolicyDocument.StageDocument s) {
        StageTask.Requires requires = s.requires() == null ? StageTask.Requires.ANSWER
                : parse(problems, at + ".requires", s.requires(), StageTask.Requires::valueOf);
        Relation contactWith = null;
        if (requires == StageTask.Requires.CONTACT) {
            contactWith = parse(problems, at + ".contactWith", s.contactWith(), Relation::valueOf);
        } else {
            require(s.contactWith() == null, problems, at + ".contactWith: only a stage that requires: CONTACT names one");
        }
        List<Relation> attendees = relations(problems, at + ".attendees", s.attendees());
        require(attendees.isEmpty() || requires == StageTask.Requires.MEETING, problems,
                at + ".attendees: only a stage that requires: MEETING has attendees");
        Timescale plan = s.actionPlanWithin() == null ? null
                : parse(problems, at + ".actionPlanWithin", s.actionPlanWithin(), Timescale::parse);
        return requires == null ? StageTask.ANSWER : new StageTask(requires, contactWith, attendees, plan);
    }

    private static List<Relation> relations(List<String> problems, String field, List<String> names) {
        List<Relation> out = new ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) {
            Relation r = parse(problems, field, n, Relation::valueOf);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static <T> T parse(List<String> problems, String field, String value, Function<String, T> parser) {
        if (value == null) {
            problems.add(field + ": required");
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            problems.add(field + ": '" + value + "' is not valid (" + e.getMessage() + ")");
            return null;
        }
    }

    private static void require(boolean ok, List<String> problems, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    /** Fields the document has that a policy does not (usually typos), with where they are. */
    private static List<String> unknownFields(JsonNode policy) {
        List<String> problems = new ArrayList<>();
        unknownFields(policy, POLICY_FIELDS, "", problems);
        eachObject(policy.get("stages"), "stages", (stage, at) -> unknownFields(stage, STAGE_FIELDS, at + ".", problems));
        eachObject(policy.get("categories"), "categories",
                (category, at) -> unknownFields(category, CATEGORY_FIELDS, at + ".", problems));
        return problems;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(prefix + name + ": unknown field");
            }
        }
    }

    private static void eachObject(JsonNode list, String field, BiConsumer<JsonNode, String> action) {
        if (list == null || !list.isArray()) {
            return; // absent or the wrong shape: reported when the document is read
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject()) {
                action.accept(list.get(i), field + "[" + i + "]");
            }
        }
    }

    /** The YAML field names of a document record: its components, as renamed by {@link JsonProperty}. */
    private static Set<String> fieldNames(Class<? extends Record> type) {
        Set<String> names = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
            names.add(renamed == null || renamed.value().isEmpty() ? c.getName() : renamed.value());
        }
        return Set.copyOf(names);
    }
}
