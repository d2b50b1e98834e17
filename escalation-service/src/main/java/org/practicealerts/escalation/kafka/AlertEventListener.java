package org.practicealerts.escalation.kafka;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.practicealerts.escalation.domain.DeadlinePlan;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.escalation.sweep.DeadlineSweeper;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PracticeEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the schedule in step with the alerts: each alert event becomes deadline changes. Events arrive at least
 * once and in each alert's order (they are keyed by alert id); an event already applied is skipped, and applying
 * one twice would give the same schedule anyway.
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

    @KafkaListener(topics = "${practice-alerts.topics.events}", groupId = "escalation-service")
    public void on(ConsumerRecord<String, byte[]> record) {
        PracticeEvent event = EventJson.read(record.value());
        if (!(event instanceof AlertEvent alertEvent) || store.alreadyApplied(event.eventId())) {
            return;
        }
        DeadlinePlan.changesFor(alertEvent).forEach(store::apply);
        store.markApplied(event.eventId(), clock.instant());
        sweeper.wakeUp();
    }
}
