package org.practicealerts.milestones;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.practicealerts.calendar.Timescale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The milestones a council watches on its children's plans, read from YAML like the alert procedures and checked
 * completely (every problem reported, not the first). The shipped policy is seed 004's
 * ({@code /milestones/seed-004-child-protection.yaml}).
 *
 * @param id           the policy's id
 * @param version      its version
 * @param name         what people read
 * @param zone         where dates are read (Europe/London)
 * @param remindBefore how long before its due date a milestone is {@link Milestone.State#DUE_SOON} (working days)
 * @param rules        the milestones
 */
public record MilestonePolicy(String id, int version, String name, ZoneId zone, Timescale remindBefore,
                              List<MilestoneRule> rules) {

    public static final String SEED_004 = "seed-004-child-protection";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public MilestonePolicy {
        rules = List.copyOf(rules);
    }

    /** The policy made from seed 004's timescales. */
    public static MilestonePolicy seed004() {
        try (InputStream in = MilestonePolicy.class.getResourceAsStream("/milestones/" + SEED_004 + ".yaml")) {
            return load(SEED_004, in);
        } catch (IOException e) {
            throw new InvalidMilestonePolicyException(SEED_004, List.of("cannot read it: " + e.getMessage()));
        }
    }

    /** Reads and checks a policy; throws {@link InvalidMilestonePolicyException} with every problem found. */
    public static MilestonePolicy load(String source, InputStream yaml) {
        Document doc;
        try {
            doc = YAML.readValue(yaml, Document.class);
        } catch (JacksonException e) {
            throw new InvalidMilestonePolicyException(source, List.of(e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (doc == null) {
            throw new InvalidMilestonePolicyException(source, List.of("the document is empty"));
        }
        require(problems, doc.id(), "id");
        require(problems, doc.name(), "name");
        if (doc.version() == null || doc.version() < 1) {
            problems.add("version: a whole number from 1");
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(doc.zone() == null ? "" : doc.zone());
        } catch (DateTimeException e) {
            problems.add("zone: not a time zone (e.g. Europe/London): " + doc.zone());
        }
        Timescale remind = timescale(problems, "remindBefore", doc.remindBefore());
        if (remind != null && remind.unit() != Timescale.Unit.WORKING_DAYS) {
            problems.add("remindBefore: in working days");
        }
        List<MilestoneRule> rules = new ArrayList<>();
        if (doc.milestones() == null || doc.milestones().isEmpty()) {
            problems.add("milestones: at least one");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < doc.milestones().size(); i++) {
                MilestoneRule rule = rule(problems, "milestones[" + i + "].", doc.milestones().get(i));
                if (rule != null && !ids.add(rule.id())) {
                    problems.add("milestones[" + i + "].id: " + rule.id() + " is used twice");
                }
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMilestonePolicyException(source, problems);
        }
        return new MilestonePolicy(doc.id(), doc.version(), doc.name(), zone, remind, rules);
    }

    private static MilestoneRule rule(List<String> problems, String at, RuleDocument r) {
        if (r == null) {
            problems.add(at + ": empty");
            return null;
        }
        int before = problems.size();
        require(problems, r.id(), at + "id");
        require(problems, r.name(), at + "name");
        require(problems, r.quote(), at + "quote");
        if (r.opensOn() == null || r.opensOn().isEmpty() || r.opensOn().contains(null)) {
            problems.add(at + "opensOn: at least one fact, each with its kind");
        }
        if (r.metBy() == null) {
            problems.add(at + "metBy: the fact that meets it");
        }
        if ((r.within() == null) == (r.beforeConference() == null)) {
            problems.add(at + "within or beforeConference: exactly one of them");
        }
        Timescale within = r.within() == null ? null : timescale(problems, at + "within", r.within());
        Timescale beforeConference = r.beforeConference() == null ? null
                : timescale(problems, at + "beforeConference", r.beforeConference());
        boolean dayOne = Boolean.TRUE.equals(r.startDayIsDayOne());
        if (dayOne && (within == null || within.unit() == Timescale.Unit.HOURS || within.amount() < 1)) {
            problems.add(at + "startDayIsDayOne: only for a timescale of one day or more within the starting fact");
        }
        if (beforeConference != null && r.opensOn() != null
                && r.opensOn().stream().anyMatch(m -> m == null || m.kind() != FactKind.CONFERENCE_BOOKED)) {
            problems.add(at + "beforeConference: only for a milestone opened by CONFERENCE_BOOKED");
        }
        if (r.alertCategories() == null || r.alertCategories().isEmpty()
                || r.alertCategories().stream().anyMatch(c -> c == null || !c.matches("[A-Z][A-Z0-9_]{0,63}"))) {
            problems.add(at + "alertCategories: one or more category codes (e.g. STATUTORY_VISIT), best first");
        }
        if (problems.size() > before) {
            return null;
        }
        return new MilestoneRule(r.id(), r.name(), r.opensOn(), r.metBy(), within, beforeConference, dayOne,
                Boolean.TRUE.equals(r.whileOnPlan()), r.quote(), r.alertCategories());
    }

    private static Timescale timescale(List<String> problems, String field, String text) {
        if (text == null) {
            problems.add(field + ": required (e.g. \"15 working days\")");
            return null;
        }
        try {
            return Timescale.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
            return null;
        }
    }

    private static void require(List<String> problems, String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": required");
        }
    }

    /** The YAML as written. */
    record Document(String id, Integer version, String name, String zone, String remindBefore,
                    List<RuleDocument> milestones) {
    }

    /** One milestone as written. */
    record RuleDocument(String id, String name, List<FactMatch> opensOn, FactMatch metBy, String within,
                        String beforeConference, Boolean startDayIsDayOne, Boolean whileOnPlan, String quote,
                        List<String> alertCategories) {
    }
}
