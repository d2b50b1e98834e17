package org.practicealerts.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicealerts.web.signin.SignedIn;

/**
 * What the alert page shows this person: the stage names and what the current stage asks its responder to record,
 * and which command forms to offer. The forms offered follow the procedure's rules as the alert's state shows them;
 * the service still decides, and a refusal comes back as an error summary.
 *
 * @param stageNames   each stage's name under the alert's procedure, by number
 * @param finalStage   the procedure's last stage
 * @param requires     what an answer at the current stage records: ANSWER, CONTACT or MEETING
 * @param contactWith  for CONTACT, the relation the stage names
 * @param attendees    for MEETING, the relations invited
 * @param actionPlan   the action plan's timescale, or null
 * @param commands     the command forms to offer, by {@link AlertPageController.Command} name
 */
public record AlertView(Map<Integer, String> stageNames, int finalStage, String requires, String contactWith,
                        List<String> attendees, String actionPlan, Set<String> commands) {

    private static final Set<String> OPEN = Set.of("AWAITING_RESPONSE", "AWAITING_JUDGEMENT", "ACTION_REVIEW");

    @SuppressWarnings("unchecked")
    static AlertView of(Map<String, Object> alert, Map<String, Object> policy, SignedIn me) {
        Map<Integer, String> names = new LinkedHashMap<>();
        List<Map<String, Object>> stages = (List<Map<String, Object>>) policy.getOrDefault("stages", List.of());
        stages.forEach(s -> names.put(((Number) s.get("number")).intValue(), (String) s.get("name")));
        int stage = ((Number) alert.get("stage")).intValue();
        Map<String, Object> task = stages.size() >= stage
                ? (Map<String, Object>) stages.get(stage - 1).getOrDefault("task", Map.of()) : Map.of();
        String status = String.valueOf(alert.get("status"));
        Map<String, Object> responder = (Map<String, Object>) alert.get("responder");
        boolean responds = responder != null && me.personId().equals(responder.get("personId"));
        boolean raised = me.personId().equals(alert.get("raisedBy"));
        boolean open = OPEN.contains(status);
        int last = stages.isEmpty() ? stage : stages.size();
        List<String> commands = new ArrayList<>();
        if (responds && "AWAITING_RESPONSE".equals(status)) {
            commands.addAll(List.of("ACKNOWLEDGE", "RESPOND"));
        }
        if (raised && "AWAITING_JUDGEMENT".equals(status)) {
            commands.addAll(List.of("FURTHER_ACTIONS", "REVIEW"));
        }
        if (raised && open && !"ACTION_REVIEW".equals(status) && stage < last) {
            commands.add("ESCALATE");
        }
        if (raised && "ACTION_REVIEW".equals(status)) {
            commands.add("REOPEN");
        }
        if (raised && open) {
            commands.addAll(List.of("RESOLVE", "WITHDRAW"));
            if ("CHILD_WE_CARE_FOR".equals(alert.get("planType")) && alert.get("cafcassReferredOn") == null) {
                commands.add("CAFCASS");
            }
            if (Boolean.TRUE.equals(policy.get("finalStageReferral")) && stage == last
                    && !Boolean.TRUE.equals(alert.get("partnershipReferral"))) {
                commands.add("PARTNERSHIP");
            }
        }
        if ((responds || me.admin()) && !"ACTION_REVIEW".equals(status) && open) {
            commands.add("REASSIGN");
        }
        if (!Boolean.TRUE.equals(alert.get("restricted"))) {
            commands.add("NOTE");
        }
        List<String> attendees = task.get("attendees") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of();
        Object within = task.get("actionPlanWithin");
        return new AlertView(names, last, String.valueOf(task.getOrDefault("requires", "ANSWER")),
                (String) task.get("contactWith"), attendees, within == null ? null : timescale(within),
                Set.copyOf(commands));
    }

    @SuppressWarnings("unchecked")
    private static String timescale(Object t) {
        if (t instanceof Map<?, ?> m) {
            Map<String, Object> ts = (Map<String, Object>) m;
            int amount = ((Number) ts.get("amount")).intValue();
            String unit = String.valueOf(ts.get("unit")).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            return amount + " " + (amount == 1 ? unit.replaceAll("s$", "").replace("days", "day") : unit);
        }
        return String.valueOf(t);
    }

    public boolean offers(String command) {
        return commands.contains(command);
    }

    public String stageName(Object number) {
        return number == null ? "" : stageNames.getOrDefault(((Number) number).intValue(), "Stage " + number);
    }
}
