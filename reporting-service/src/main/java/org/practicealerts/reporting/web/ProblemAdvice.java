package org.practicealerts.reporting.web;

import java.util.List;
import org.practicealerts.support.InputProblems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad parameters become RFC 9457 problem details, parameter by parameter ({@code errors[].field}), like every
 * other service's; unreadable input and unexpected failures as {@link InputProblems} answers them.
 */
@RestControllerAdvice
class ProblemAdvice extends InputProblems {

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        return invalid(e.getMessage(), List.of(new FieldProblem(e.parameter, e.getMessage())));
    }
}
