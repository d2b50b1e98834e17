package org.practicealerts.notification.dev;

import java.time.Clock;
import org.practicealerts.notification.NotificationProperties;
import org.practicealerts.notification.directory.Directory;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
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

    /** People without a webhook post to this service's own sink, at the port it really listens on. */
    @Bean
    ApplicationListener<ReactiveWebServerInitializedEvent> sinkAddress(Directory directory) {
        return e -> directory.setFallbackWebhookBase("http://127.0.0.1:" + e.getWebServer().getPort()
                + "/dev/teams-sink/");
    }

    @Bean
    TeamsSink teamsSink(NotificationProperties props) {
        return new TeamsSink(props.embedded().sinkCapacity(), Clock.systemUTC());
    }
}
