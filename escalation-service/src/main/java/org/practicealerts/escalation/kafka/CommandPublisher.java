package org.practicealerts.escalation.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.practicealerts.escalation.sweep.DeadlineCommandSender;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.EventJson;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends deadline commands to the alert-service's command topic; a command counts as sent once the broker acknowledged it. */
@Component
public class CommandPublisher implements DeadlineCommandSender {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    public CommandPublisher(KafkaTemplate<String, byte[]> kafka, PlatformProperties props) {
        this.kafka = kafka;
        this.topic = props.topics().commands();
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(DeadlineCommand command) throws Exception {
        sendAsync(command).get(10, TimeUnit.SECONDS);
    }

    /** Sends; the future completes when the broker acknowledged the command. */
    @Override
    public CompletableFuture<?> sendAsync(DeadlineCommand command) {
        return kafka.send(new ProducerRecord<>(topic, command.alertId(), EventJson.writeBytes(command)));
    }
}
