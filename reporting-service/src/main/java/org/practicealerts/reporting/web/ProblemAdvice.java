package org.practicealerts.reporting.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.practicealerts.reporting.domain.Quarter;
import org.practicealerts.support.InputProblems;
import org.springframework.core.MethodParameter;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Bad parameters become RFC 9457 problem details, parameter by parameter ({@code errors[].field}), like every
 * other service's; a report parameter of the wrong form is told what form it must have.
 */
@RestControllerAdvice
class ProblemAdvice extends InputProblems {

    private static final Map<Class<?>, String> FORMS = Map.of(
            LocalDate.class, "be a date like 2026-10-05",
            YearMonth.class, "be a calendar month like 2026-10",
            Quarter.class, "look like 2026-Q3",
            Integer.class, "be a whole number");

    @Override
    public ProblemDetail unreadable(ServerWebInputException e) {
        MethodParameter parameter = e.getMethodParameter();
        String form = parameter == null ? null : formOf(parameter.getParameterType());
        if (form == null || parameter.getParameterName() == null) {
            return super.unreadable(e);
        }
        String message = parameter.getParameterName() + " must " + form;
        return invalid(message, List.of(new FieldProblem(parameter.getParameterName(), message)));
    }

    private static String formOf(Class<?> type) {
        if (type.isEnum()) {
            return "be one of " + Arrays.toString(type.getEnumConstants());
        }
        return FORMS.get(type);
    }
}
