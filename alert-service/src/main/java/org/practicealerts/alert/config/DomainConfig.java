package org.practicealerts.alert.config;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.practicealerts.alert.domain.AlertContext;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.alert.mongo.MongoPolicyCatalogue;
import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.practicealerts.alert.mongo.ReferenceNumbers;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.calendar.GovUkBankHolidays;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.calendar.JollydayBankHolidays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's collaborators: policy catalogue, calendar, directory, planner (the database and clock are the platform's). */
@Configuration(proxyBeanMethods = false)
public class DomainConfig {

    @Bean
    MongoPolicyCatalogue policyCatalogue(MongoDatabase db, AlertServiceProperties props) throws IOException {
        List<MongoPolicyCatalogue.Source> sources = new ArrayList<>();
        for (AlertServiceProperties.Procedure procedure : props.proceduresInForce()) {
            sources.add(new MongoPolicyCatalogue.Source(procedure.policy(), policyText(procedure.policy()),
                    Set.copyOf(procedure.raisers()), Set.copyOf(procedure.planTypes())));
        }
        return new MongoPolicyCatalogue(db, sources);
    }

    private static String policyText(String policy) throws IOException {
        if (policy.startsWith("file:")) {
            return Files.readString(Path.of(policy.substring("file:".length())), StandardCharsets.UTF_8);
        }
        PolicyLoader.preset(policy); // validates the name and content with a clear message
        try (InputStream in = PolicyLoader.class.getResourceAsStream("/policies/" + policy + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The council's calendar. Jollyday computes England and Wales bank holidays for any year, so the calendar covers
     * 2000 to at least 2100 (and fifty years past the clock's year); a gov.uk file covers exactly the years it lists,
     * and a date beyond them is refused (see {@link CalendarCoverage}), never counted as a working day.
     */
    @Bean
    MongoWorkingCalendar workingCalendar(MongoDatabase db, AlertServiceProperties props, Clock clock)
            throws IOException {
        AlertServiceProperties.Calendar cal = props.calendar();
        List<Holiday> base = new ArrayList<>();
        int firstYear;
        int lastYear;
        if (cal.bankHolidays() == AlertServiceProperties.BankHolidaySource.JOLLYDAY) {
            firstYear = JOLLYDAY_FIRST_YEAR;
            lastYear = Math.max(JOLLYDAY_LAST_YEAR, Year.now(clock).getValue() + 50);
            base.addAll(JollydayBankHolidays.between(firstYear, lastYear));
        } else {
            String division = cal.division() == null ? "england-and-wales" : cal.division();
            try (InputStream in = cal.govUkFile() == null || cal.govUkFile().isBlank()
                    ? GovUkBankHolidays.class.getResourceAsStream(GovUkBankHolidays.BUNDLED_ENGLAND_AND_WALES_RESOURCE)
                    : Files.newInputStream(Path.of(cal.govUkFile()))) {
                base.addAll(GovUkBankHolidays.parse(in, division));
            }
            if (base.isEmpty()) {
                throw new IllegalStateException("the gov.uk bank-holidays file lists no bank holidays for " + division);
            }
            firstYear = base.get(0).date().getYear();
            lastYear = base.get(base.size() - 1).date().getYear();
        }
        cal.closureDays().forEach(d -> base.add(new Holiday(d, "Council closure day", Holiday.Source.CLOSURE)));
        return new MongoWorkingCalendar(db, firstYear, lastYear, base);
    }

    static final int JOLLYDAY_FIRST_YEAR = 2000;
    static final int JOLLYDAY_LAST_YEAR = 2100;

    @Bean
    ReferenceNumbers referenceNumbers(MongoDatabase db) {
        return new ReferenceNumbers(db);
    }

    @Bean
    MongoDirectory directory(MongoDatabase db) {
        return new MongoDirectory(db);
    }

    @Bean
    StagePlanner stagePlanner(MongoPolicyCatalogue policies, MongoDirectory directory, MongoWorkingCalendar calendar) {
        return new StagePlanner(policies, directory, calendar);
    }

    /** Injected into the aggregate's command handlers. */
    @Bean
    AlertContext alertContext(StagePlanner planner, Clock clock) {
        return AlertContext.of(planner, clock);
    }
}
