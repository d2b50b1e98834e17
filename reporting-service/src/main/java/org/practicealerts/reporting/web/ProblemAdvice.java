package org.practicealerts.reporting.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad parameters become RFC 9457 problem details, parameter by parameter. */
@RestControllerAdvice
class ProblemAdvice {

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid request parameter");
        p.setType(URI.create("https://practice-alerts.example/problems/invalid-parameter"));
        p.setProperty("errors", List.of(Map.of("parameter", e.parameter, "message", e.getMessage())));
        return p;
    }
}
