package org.practicealerts.alert.config;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
        String policy = props.policy();
        String yaml;
        if (policy.startsWith("file:")) {
            yaml = Files.readString(Path.of(policy.substring("file:".length())), StandardCharsets.UTF_8);
        } else {
            PolicyLoader.preset(policy); // validates the name and content with a clear message
            try (InputStream in = PolicyLoader.class.getResourceAsStream("/policies/" + policy + ".yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new MongoPolicyCatalogue(db, policy, yaml);
    }

    @Bean
    MongoWorkingCalendar workingCalendar(MongoDatabase db, AlertServiceProperties props) throws IOException {
        AlertServiceProperties.Calendar cal = props.calendar();
        List<Holiday> base = new ArrayList<>();
        if (cal.bankHolidays() == AlertServiceProperties.BankHolidaySource.JOLLYDAY) {
            base.addAll(JollydayBankHolidays.between(cal.fromYear(), cal.toYear()));
        } else {
            String division = cal.division() == null ? "england-and-wales" : cal.division();
            try (InputStream in = cal.govUkFile() == null || cal.govUkFile().isBlank()
                    ? GovUkBankHolidays.class.getResourceAsStream(GovUkBankHolidays.BUNDLED_ENGLAND_AND_WALES_RESOURCE)
                    : Files.newInputStream(Path.of(cal.govUkFile()))) {
                base.addAll(GovUkBankHolidays.parse(in, division));
            }
        }
        cal.closureDays().forEach(d -> base.add(new Holiday(d, "Council closure day", Holiday.Source.CLOSURE)));
        return new MongoWorkingCalendar(db, base);
    }

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
