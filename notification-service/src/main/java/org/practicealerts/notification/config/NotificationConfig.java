package org.practicealerts.notification.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.List;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.support.ServiceBasics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** MongoDB, the clock (simulated in the embedded default only), the working-day calendar and MongoDB health. */
@Configuration(proxyBeanMethods = false)
@Import(ServiceBasics.class)
public class NotificationConfig {

    @Bean
    MongoDatabase notificationDatabase(MongoClient client, NotificationProperties props) {
        return client.getDatabase(props.mongoDatabase());
    }

    /** England and Wales bank holidays: digests go out on working days only. */
    @Bean
    WorkingDayCalendar workingDayCalendar() {
        int year = LocalDate.now().getYear();
        return WorkingDayCalendar.englandAndWales(Math.min(2018, year - 1), year + 5, List.of());
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
