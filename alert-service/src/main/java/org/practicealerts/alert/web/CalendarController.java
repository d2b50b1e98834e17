package org.practicealerts.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The working-day calendar: ask "N working days after D", list holidays, and (admins) add closure days. */
@RestController
@Validated
@RequestMapping("/api/v1/calendar")
public class CalendarController {

    public record WorkingDays(LocalDate from, int add, LocalDate result, List<Holiday> skipped) {
    }

    public record NewDay(@NotNull LocalDate date, @NotBlank @Size(max = 200) String name,
                         @NotNull Holiday.Source source) {
    }

    private final MongoWorkingCalendar calendar;

    public CalendarController(MongoWorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/working-days")
    public WorkingDays workingDays(@RequestParam LocalDate from, @RequestParam @Min(0) @Max(366) int add) {
        WorkingDayCalendar cal = calendar.current();
        LocalDate result = cal.addWorkingDays(from, add);
        return new WorkingDays(from, add, result, cal.holidaysBetween(from, result));
    }

    @GetMapping("/holidays")
    public List<Holiday> holidays(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from) || from.plusYears(10).isBefore(to)) {
            throw AlertRefused.invalid("to: must be on or after from, and at most 10 years later");
        }
        return calendar.current().holidaysBetween(from, to);
    }

    @PostMapping("/days")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Holiday> add(@Valid @RequestBody NewDay day, Authentication auth) {
        Holiday h = new Holiday(day.date(), day.name(), day.source());
        return DirectoryController.blocking(() -> {
            calendar.add(h, auth.getName());
            return h;
        });
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> remove(@PathVariable LocalDate date) {
        return DirectoryController.blocking(() -> {
            if (!calendar.remove(date)) {
                throw new AlertController.NotFound("no added day on " + date);
            }
            return Boolean.TRUE;
        }).then();
    }
}
