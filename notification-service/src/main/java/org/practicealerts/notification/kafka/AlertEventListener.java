package org.practicealerts.notification.kafka;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.notification.delivery.Addressing;
import org.practicealerts.notification.delivery.Dispatcher;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.outbox.AlertProjection;
import org.practicealerts.notification.outbox.InboxStore;
import org.practicealerts.notification.outbox.OutboxStore;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.TransientFault;
import org.practicealerts.support.UnreadableRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns each alert event into outbox and inbox entries. The record's offset is committed (ack mode RECORD) only
 * after this method returns, that is after the entries are stored; a redelivered record inserts nothing new
 * because entry ids are made of the event id, the recipient and the channel.
 */
@Component
public class AlertEventListener {

    private final Directory directory;
    private final AlertProjection alerts;
    private final Addressing addressing;
    private final OutboxStore outbox;
    private final InboxStore inbox;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final DirectoryLag lag;

    /** {@code wait}: how long an event naming someone the directory has not seen yet waits for their record. */
    public AlertEventListener(Directory directory, AlertProjection alerts, Addressing addressing, OutboxStore outbox,
                              InboxStore inbox, Dispatcher dispatcher, Clock clock,
                              @Value("${practice-alerts.notification.unknown-recipient-wait:2m}") Duration wait) {
        this.lag = new DirectoryLag(directory, wait);
        this.directory = directory;
        this.alerts = alerts;
        this.addressing = addressing;
        this.outbox = outbox;
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    static final String GROUP = "notification-service";

    /**
     * A record this service cannot read goes to the dead letters and the next one is processed; a MongoDB outage
     * pauses the partition until it is back ({@link org.practicealerts.support.ConsumerFaults}).
     */
    @KafkaListener(topics = "${practice-alerts.topics.events}", groupId = GROUP)
    public void on(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        if (!directory.awaitReady(Duration.ofSeconds(30))) {
            // Retried until it is: a recipient is never missed for a half-loaded copy.
            throw new TransientFault("directory not loaded yet");
        }
        accept(UnreadableRecord.read(() -> EventJson.read(record.value())));
    }

    /** One event from the topic: once everyone it names is in the directory (or waited for long enough). */
    void accept(PracticeEvent event) {
        lag.awaitRecipients(event);
        handle(event);
    }

    @Bean
    static ConsumerGroup notificationConsumerGroup() {
        return new ConsumerGroup(GROUP);
    }

    /** Stores what one event asks for; safe to call again with the same event. */
    public void handle(PracticeEvent event) {
        AlertProjection.View view = null;
        if (event instanceof AlertEvent alertEvent) {
            view = alerts.apply(alertEvent, org.practicealerts.notification.render.Notices.recipients(event));
        }
        Addressing.Messages m = addressing.messagesFor(event, view, clock.instant());
        inbox.insertNew(m.inbox());
        outbox.insertNew(m.outbox());
        if (!m.outbox().isEmpty()) {
            dispatcher.wakeUp();
        }
    }
}
