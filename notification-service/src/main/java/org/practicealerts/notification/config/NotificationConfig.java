package org.practicealerts.notification.config;

import org.practicealerts.support.CouncilCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The council calendar and the Kafka error handling (the database, clock and health are the platform's). */
@Configuration(proxyBeanMethods = false)
public class NotificationConfig {

    /** The council's working days, as the alert-service publishes them: digests go out on working days only. */
    @Bean
    CouncilCalendar councilCalendar() {
        return new CouncilCalendar();
    }

}
