package org.practicealerts.escalation.kafka;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.practicealerts.escalation.domain.DeadlinePlan;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.escalation.sweep.DeadlineSweeper;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.UnreadableRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the schedule in step with the alerts: each alert event becomes deadline changes. Events arrive at least
 * once and in each alert's order (they are keyed by alert id); an event already applied is skipped, and applying
 * one twice would give the same schedule anyway. A MongoDB outage pauses the partition until it is back (never a
 * skipped event, or an alert would never escalate); an unreadable record goes to the dead letters
 * ({@link org.practicealerts.support.ConsumerFaults}).
 */
@Component
public class AlertEventListener {

    private final DeadlineStore store;
    private final DeadlineSweeper sweeper;
    private final Clock clock;

    public AlertEventListener(DeadlineStore store, DeadlineSweeper sweeper, Clock clock) {
        this.store = store;
        this.sweeper = sweeper;
        this.clock = clock;
    }

    static final String GROUP = "escalation-service";

    @KafkaListener(topics = "${practice-alerts.topics.events}", groupId = GROUP)
    public void on(ConsumerRecord<String, byte[]> record) {
        PracticeEvent event = UnreadableRecord.read(() -> EventJson.read(record.value()));
        if (!(event instanceof AlertEvent alertEvent) || store.alreadyApplied(event.eventId())) {
            return;
        }
        DeadlinePlan.changesFor(alertEvent).forEach(store::apply);
        store.markApplied(event.eventId(), clock.instant());
        sweeper.wakeUp();
    }

    @Bean
    static ConsumerGroup escalationConsumerGroup() {
        return new ConsumerGroup(GROUP);
    }
}
