package org.practicealerts.reporting.config;

import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.support.CouncilCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The council calendar, the directory copy and the projection (the database, clock and health are the platform's). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReportingProperties.class)
public class ReportingConfig {

    /** The council's working days, as the alert-service publishes them on the directory topic. */
    @Bean
    CouncilCalendar councilCalendar() {
        return new CouncilCalendar();
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
