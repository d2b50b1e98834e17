package org.practicealerts.escalation.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.practicealerts.escalation.config.EscalationProperties;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.EventJson;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends deadline commands to the alert-service's command topic and waits for the broker's acknowledgement. */
@Component
public class CommandPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    public CommandPublisher(KafkaTemplate<String, byte[]> kafka, EscalationProperties props) {
        this.kafka = kafka;
        this.topic = props.topics().commands();
    }

    public void send(DeadlineCommand command) throws Exception {
        kafka.send(new ProducerRecord<>(topic, command.alertId(), EventJson.writeBytes(command)))
                .get(10, TimeUnit.SECONDS);
    }
}
