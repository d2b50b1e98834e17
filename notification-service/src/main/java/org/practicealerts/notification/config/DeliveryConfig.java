package org.practicealerts.notification.config;

import org.practicealerts.notification.NotificationProperties;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.practicealerts.support.CouncilCalendar;
import org.practicealerts.notification.delivery.Addressing;
import org.practicealerts.notification.digest.DailyDigest;
import org.practicealerts.notification.delivery.Dispatcher;
import org.practicealerts.notification.delivery.EmailSender;
import org.practicealerts.notification.delivery.GraphMailSender;
import org.practicealerts.notification.delivery.RateLimits;
import org.practicealerts.notification.delivery.Sender;
import org.practicealerts.notification.delivery.TeamsSender;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.outbox.AlertProjection;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.InboxStore;
import org.practicealerts.notification.outbox.OutboxStore;
import org.practicealerts.notification.render.Renderer;
import org.practicealerts.support.WebhookPolicy;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The directory copy, stores, rendering, senders and the dispatcher. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfig {

    @Bean
    Directory directory(NotificationProperties props) {
        return new Directory(props.teams().fallbackWebhookBase());
    }

    @Bean
    Renderer renderer(NotificationProperties props) {
        return new Renderer(props.teams().maxCardBytes());
    }

    @Bean
    OutboxStore outboxStore(MongoDatabase db) {
        return new OutboxStore(db);
    }

    @Bean
    InboxStore inboxStore(MongoDatabase db) {
        return new InboxStore(db);
    }

    @Bean
    AlertProjection alertProjection(MongoDatabase db) {
        return new AlertProjection(db);
    }

    @Bean
    Addressing addressing(Directory directory, Renderer renderer, NotificationProperties props) {
        return new Addressing(directory, renderer, props.alertBaseUrl());
    }

    @Bean
    RateLimits rateLimits(NotificationProperties props) {
        NotificationProperties.RateLimit r = props.rateLimit();
        return new RateLimits(r.webhookPerSecond(), r.webhookBurst(), r.smtpPerSecond(), r.smtpBurst());
    }

    /** Email over SMTP, or through Microsoft Graph where the council's mail is Exchange Online. */
    @Bean
    Sender emailSender(JavaMailSenderImpl mail, MailProperties mailProps, NotificationProperties props) {
        if (props.mail().transport() == NotificationProperties.MailTransport.GRAPH) {
            NotificationProperties.Graph g = props.mail().graph();
            if (g == null || blank(g.tenantId()) || blank(g.clientId()) || blank(g.clientSecret())
                    || blank(g.sender())) {
                throw new IllegalStateException("MAIL_TRANSPORT=GRAPH needs GRAPH_TENANT_ID, GRAPH_CLIENT_ID, "
                        + "GRAPH_CLIENT_SECRET and GRAPH_SENDER (see docs/notification-service.md)");
            }
            // Token lifetimes are real time, whatever the embedded default's simulated clock says.
            return new GraphMailSender(new GraphMailSender.Settings(g.authority(), g.tenantId(), g.clientId(),
                    g.clientSecret(), g.endpoint(), g.sender(), g.timeout()), Clock.systemUTC());
        }
        return new EmailSender(mail, props.mail().from(), mailProps.getHost() + ":" + mailProps.getPort());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Bean
    TeamsSender teamsSender(NotificationProperties props, WebhookPolicy webhooks, Directory directory) {
        return new TeamsSender(props.teams().connectTimeout(), props.teams().requestTimeout(), webhooks,
                directory::isFallbackWebhook);
    }

    @Bean
    Dispatcher dispatcher(OutboxStore store, @Qualifier("emailSender") Sender email, TeamsSender teams, RateLimits limits, Clock clock,
                          NotificationProperties props, MeterRegistry meters) {
        Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
        senders.put(Channel.EMAIL, email);
        senders.put(Channel.TEAMS, teams);
        String owner = props.delivery().instanceId() != null && !props.delivery().instanceId().isBlank()
                ? props.delivery().instanceId() : ManagementFactory.getRuntimeMXBean().getName();
        return new Dispatcher(store, senders, limits, clock, props.delivery(), owner, meters, new SecureRandom());
    }

    @Bean
    DailyDigest dailyDigest(Directory directory, AlertProjection alerts, OutboxStore outbox, Renderer renderer,
                            Dispatcher dispatcher, CouncilCalendar calendar, Clock clock,
                            NotificationProperties props) {
        return new DailyDigest(directory, alerts, outbox, renderer, dispatcher, calendar, clock, props);
    }
}
