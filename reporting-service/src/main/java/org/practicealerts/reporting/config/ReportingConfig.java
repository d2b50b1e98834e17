package org.practicealerts.reporting.config;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.practicealerts.calendar.GovUkBankHolidays;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.calendar.JollydayBankHolidays;
import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.reporting.mongo.ReportingCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The working-day calendar, the directory copy and the projection (the database, clock and health are the platform's). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ReportingConfig {

    /**
     * The same calendar the alert-service plans with: the configured bank holidays and closure days, plus the days
     * added at run time (read from the alert-service's {@code calendar_days} collection).
     */
    @Bean
    ReportingCalendar reportingCalendar(MongoDatabase db, ReportingProperties props) throws IOException {
        return new ReportingCalendar(db, baseHolidays(props.calendar()));
    }

    /** Built exactly as the alert-service's DomainConfig builds its base calendar. */
    public static List<Holiday> baseHolidays(ReportingProperties.Calendar cal) throws IOException {
        List<Holiday> base = new ArrayList<>();
        if (cal.bankHolidays() == ReportingProperties.BankHolidaySource.JOLLYDAY) {
            base.addAll(JollydayBankHolidays.between(cal.fromYear(), cal.toYear()));
        } else {
            String division = cal.division() == null ? GovUkBankHolidays.ENGLAND_AND_WALES : cal.division();
            try (InputStream in = cal.govUkFile() == null || cal.govUkFile().isBlank()
                    ? GovUkBankHolidays.class.getResourceAsStream(GovUkBankHolidays.BUNDLED_ENGLAND_AND_WALES_RESOURCE)
                    : Files.newInputStream(Path.of(cal.govUkFile()))) {
                base.addAll(GovUkBankHolidays.parse(in, division));
            }
        }
        cal.closureDays().forEach(d -> base.add(Holiday.closure(d, "Council closure day")));
        return base;
    }

    @Bean
    Directory directory() {
        return new Directory();
    }

    @Bean
    LiveProjection liveProjection() {
        return new LiveProjection();
    }
}
