package org.practicealerts.notification.config;

import org.practicealerts.support.CouncilCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The council calendar and the Kafka error handling (the database, clock and health are the platform's). */
@Configuration(proxyBeanMethods = false)
public class NotificationConfig {

    /** The council's working days, as the alert-service publishes them: digests go out on working days only. */
    @Bean
    CouncilCalendar councilCalendar() {
        return new CouncilCalendar();
    }

    /**
     * A record whose outbox entries could not be written (MongoDB down) is retried, never skipped: the offset is
     * only committed once its entries are stored.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
