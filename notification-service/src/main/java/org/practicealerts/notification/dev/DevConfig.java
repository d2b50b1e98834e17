package org.practicealerts.notification.dev;

import org.practicealerts.notification.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The embedded default's SMTP server and Teams sink; they do not exist in any other profile. */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
public class DevConfig {

    @Bean
    DevMail devMail(NotificationProperties props) {
        return new DevMail(props.embedded().smtpPort());
    }

    @Bean
    TeamsSink teamsSink(NotificationProperties props) {
        return new TeamsSink(props.embedded().sinkCapacity());
    }
}
