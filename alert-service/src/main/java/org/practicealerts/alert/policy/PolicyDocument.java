package org.practicealerts.alert.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The YAML shape of a policy, as written by a council; {@link PolicyLoader} validates and converts it. */
record PolicyDocument(String id, Integer version, String name, String description, String zone, String endOfDay,
                      String dayCounting, List<StageDocument> stages, List<Integer> bypassStages,
                      Integer urgentEntryStage, List<String> immediateRiskNotify, List<String> raiseNotify,
                      Boolean finalStageReferral, String statutoryTotal, List<String> statutoryPlanTypes,
                      List<Category> categories, String onMissedDeadline, String afterFinalStage,
                      String chairConcernResponder, String hoursOnNonWorkingDay,
                      List<String> chairConcernLadder) {

    record StageDocument(Integer number, String name, String responder, String response, String reminderBefore,
                         @JsonProperty("notify") List<String> tell, String requires, String contactWith,
                         List<String> attendees, String actionPlanWithin) {
    }
}
