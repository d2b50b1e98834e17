package org.practicealerts.web.pages;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web app's own clock (sign-in expiry); deadlines and working days are the services' to count. */
@Configuration
class WebConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
