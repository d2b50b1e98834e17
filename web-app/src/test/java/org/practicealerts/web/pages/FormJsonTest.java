package org.practicealerts.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class FormJsonTest {

    @Test
    void nestedAndIndexedFieldNamesBecomeTheApisJsonAndBlankOnesAreLeftOut() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("response", " Plan agreed. ");
        form.add("contact.madeAt", "2026-03-30T09:30:00Z");
        form.add("contact.withPersonId", "");
        form.add("actions[0].description", "Core group");
        form.add("actions[0].dueDate", "2026-04-06");
        form.add("actions[1].description", "");
        form.add("_csrf", "token");

        Map<String, Object> body = FormJson.withoutEmptyRows(FormJson.body(form, Set.of("response", "contact", "actions"),
                Set.of()));

        assertThat(body).isEqualTo(Map.of("response", "Plan agreed.", "contact", Map.of("madeAt", "2026-03-30T09:30:00Z"),
                "actions", List.of(Map.of("description", "Core group", "dueDate", "2026-04-06"))));
    }

    @Test
    void aListFieldKeepsEveryValueChosenAndAFieldNameThisAppDoesNotWriteIsIgnored() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.addAll("categories", List.of("CHILDS_VOICE", "STATUTORY_VISIT"));
        form.add("summary.__proto__[x]", "ignored");

        Map<String, Object> body = FormJson.body(form, Set.of("categories", "summary"), Set.of("categories"));

        assertThat(body).containsExactly(Map.entry("categories", List.of("CHILDS_VOICE", "STATUTORY_VISIT")));
    }

    @Test
    void theGovUkDateInputsThreeFieldsBecomeOneIsoDateAndAPartlyGivenOneIsPassedOnForTheApiToRefuse() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("actions[0].dueDate-day", "6");
        form.add("actions[0].dueDate-month", "4");
        form.add("actions[0].dueDate-year", "2026");
        form.add("reviewDate-day", "31");
        form.add("reviewDate-month", "");
        form.add("reviewDate-year", "2026");
        form.add("referredOn-day", "");
        form.add("referredOn-month", "");
        form.add("referredOn-year", "");

        Map<String, Object> body = FormJson.body(form, Set.of("actions", "reviewDate", "referredOn"), Set.of());

        assertThat(body).isEqualTo(Map.of("actions", List.of(Map.of("dueDate", "2026-04-06")),
                "reviewDate", "2026--31"));
    }
}
