package org.practicealerts.web.pages;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock the pages count working days left with. */
@Configuration
class WebConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
