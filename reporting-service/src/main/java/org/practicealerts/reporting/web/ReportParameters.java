package org.practicealerts.reporting.web;

import java.time.LocalDate;
import java.time.YearMonth;
import org.practicealerts.events.PlanType;
import org.practicealerts.reporting.domain.AlertStatus;
import org.practicealerts.reporting.domain.Quarter;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * How the reports' query parameters are read: ISO dates and months, quarters like 2026-Q3, and status and plan type
 * names in any case. Strict on purpose: an empty or unreadable value is refused (and {@link ProblemAdvice} names
 * the parameter), never taken as "no filter".
 */
@Configuration(proxyBeanMethods = false)
class ReportParameters implements WebFluxConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, LocalDate::parse);
        registry.addConverter(String.class, YearMonth.class, YearMonth::parse);
        registry.addConverter(String.class, Quarter.class, Quarter::parse);
        registry.addConverter(String.class, AlertStatus.class, named(AlertStatus.values()));
        registry.addConverter(String.class, PlanType.class, named(PlanType.values()));
    }

    private static <E extends Enum<E>> Converter<String, E> named(E[] values) {
        return text -> {
            for (E e : values) {
                if (e.name().equalsIgnoreCase(text)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("not one of the names");
        };
    }
}
