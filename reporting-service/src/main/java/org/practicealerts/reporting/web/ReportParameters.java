package org.practicealerts.reporting.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;
import org.practicealerts.events.PlanType;
import org.practicealerts.reporting.domain.AlertStatus;
import org.practicealerts.reporting.domain.Quarter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How the reports' query parameters are read: ISO dates and months, quarters like 2026-Q3, decimal whole numbers,
 * and status and plan type names in any case. Strict on purpose: an empty or unreadable value is refused (and
 * {@link ProblemAdvice} names the parameter), never taken as "no filter". Registered as the binder's own editors
 * because Spring's lenient fallbacks (hexadecimal numbers, an empty value read as null) would otherwise apply.
 */
@ControllerAdvice(assignableTypes = ReportController.class)
class ReportParameters {

    @InitBinder
    void readStrictly(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, editor(LocalDate::parse));
        binder.registerCustomEditor(YearMonth.class, editor(YearMonth::parse));
        binder.registerCustomEditor(Quarter.class, editor(Quarter::parse));
        binder.registerCustomEditor(Integer.class, editor(Integer::valueOf));
        binder.registerCustomEditor(AlertStatus.class, editor(text -> named(AlertStatus.values(), text)));
        binder.registerCustomEditor(PlanType.class, editor(text -> named(PlanType.values(), text)));
    }

    private static PropertyEditorSupport editor(Function<String, ?> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                try {
                    setValue(parse.apply(text));
                } catch (RuntimeException e) {
                    // A type mismatch, which ProblemAdvice answers naming the parameter.
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        };
    }

    private static <E extends Enum<E>> E named(E[] values, String text) {
        for (E e : values) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("not one of the names");
    }
}
