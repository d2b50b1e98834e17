package org.practicealerts.alert.web;

import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.calendar.CalendarCoverageException;
import org.practicealerts.support.InputProblems;
import org.practicealerts.text.TextErasedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error is an RFC 9457 problem detail: bad input as {@link InputProblems} answers it, and a refused command
 * with the reason.
 */
@RestControllerAdvice
public class ProblemHandler extends InputProblems {

    @ExceptionHandler(AlertRefused.class)
    ProblemDetail refused(AlertRefused e) {
        if (e.field() != null) {
            return invalid(e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        HttpStatus status = AlertController.statusOf(e.kind());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle(switch (e.kind()) {
            case NOT_PERMITTED -> "Not permitted";
            case ILLEGAL_TRANSITION -> "Not allowed in the alert's current state";
            case INVALID -> "Invalid request";
        });
        return p;
    }

    @ExceptionHandler(MilestoneController.FactRefused.class)
    ProblemDetail factRefused(MilestoneController.FactRefused e) {
        return invalid(e.getMessage(), e.problems());
    }

    @ExceptionHandler(DirectoryCsv.Refused.class)
    ProblemDetail csvRefused(DirectoryCsv.Refused e) {
        return invalid(e.getMessage(), e.problems());
    }

    @ExceptionHandler({AlertController.NotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                e instanceof AlertController.NotFound ? e.getMessage() : "no such alert");
        p.setTitle("Not found");
        return p;
    }

    /** A deadline in a year whose bank holidays the council's calendar lacks: refused, never guessed. */
    @ExceptionHandler(CalendarCoverageException.class)
    ProblemDetail calendarEnds(CalendarCoverageException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        p.setTitle("The council's calendar does not reach this date");
        return p;
    }

    /** New text on a record whose text was erased: the erasure stands. */
    @ExceptionHandler(TextErasedException.class)
    ProblemDetail textErased(TextErasedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This record's free text was erased; no new text can be recorded on it.");
        p.setTitle("Text erased");
        return p;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail conflict(ConcurrencyException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The alert changed while this request was applied; read it again and retry.");
        p.setTitle("Concurrent change");
        return p;
    }

}
