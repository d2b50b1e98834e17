package org.practicealerts.support;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * What every service answers to bad input and unexpected failures: an RFC 9457 problem detail. Bad input names
 * each field or parameter at fault ({@code errors}); nothing internal (stack traces, class names) is returned.
 * Each service declares one {@code @RestControllerAdvice} extending this, adding its own domain refusals.
 */
public abstract class InputProblems {

    private static final Logger log = LoggerFactory.getLogger(InputProblems.class);

    /** One field's problem. */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(WebExchangeBindException.class)
    public ProblemDetail invalidBody(WebExchangeBindException e) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : e.getFieldErrors()) {
            errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
        }
        e.getGlobalErrors().forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        return invalid("The request has invalid fields.", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return invalid("The request has invalid parameters.", errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ProblemDetail invalidConstraint(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }).toList();
        return invalid("The request has invalid parameters.", errors);
    }

    /** Malformed JSON, a wrong type, an unknown enum value or an unknown field: named, never echoed back raw. */
    @ExceptionHandler(ServerWebInputException.class)
    public ProblemDetail unreadable(ServerWebInputException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException je) {
            String field = fieldPath(je.getPath());
            String message = je instanceof tools.jackson.databind.exc.InvalidFormatException ife
                    ? "has a value of the wrong type or not one of the allowed values"
                      + allowed(ife.getTargetType())
                    : je instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                            ? "is not a known field"
                            : je instanceof tools.jackson.databind.exc.MismatchedInputException
                                    ? "has the wrong type" : "is not valid JSON here";
            return invalid("The request body could not be read.",
                    List.of(new FieldProblem(field.isEmpty() ? "body" : field, message)));
        }
        if (e.getCause() instanceof DecodingException || e.getMethodParameter() == null) {
            return invalid("The request body could not be read.", List.of(new FieldProblem("body",
                    "must be a JSON object matching the documented schema")));
        }
        String name = e.getMethodParameter().getParameterName();
        return invalid("A request parameter is not valid.", List.of(new FieldProblem(name == null ? "parameter" : name,
                "is missing or has the wrong type")));
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ProblemDetail status(ResponseStatusException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.getStatusCode(),
                e.getReason() == null ? "request refused" : e.getReason());
        p.setTitle(HttpStatus.valueOf(e.getStatusCode().value()).getReasonPhrase());
        return p;
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. The request may not have been applied: read it back before retrying.");
        p.setTitle("Internal error");
        return p;
    }

    protected static ProblemDetail invalid(String detail, List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Invalid request");
        p.setProperties(Map.of("errors", errors));
        return p;
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            return " " + names;
        }
        return "";
    }
}
