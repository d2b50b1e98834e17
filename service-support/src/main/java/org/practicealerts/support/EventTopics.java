package org.practicealerts.support;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The product's topics, each declared once. Every service creates any that are missing at start-up with these same
 * settings, so the services may start in any order (a consumer of a missing topic would otherwise wait for a
 * metadata refresh); the alert-service owns the events and directory topics, the escalation-service the commands.
 */
@AutoConfiguration
public class EventTopics {

    /** Fourteen days: commands wait this long for an alert-service that is down. */
    static final String COMMAND_RETENTION_MS = "1209600000";

    /** Alert events are kept forever: every projection can be rebuilt from the beginning. */
    @Bean
    NewTopic alertEventsTopic(PlatformProperties props) {
        return TopicBuilder.name(props.topics().events()).partitions(props.topics().partitions())
                .replicas(props.topics().replicas()).config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync(props)).build();
    }

    /** Commands from the escalation service wait here while the alert-service is down. */
    @Bean
    NewTopic deadlineCommandsTopic(PlatformProperties props) {
        return TopicBuilder.name(props.topics().commands()).partitions(props.topics().partitions())
                .replicas(props.topics().replicas()).config(TopicConfig.RETENTION_MS_CONFIG, COMMAND_RETENTION_MS)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync(props)).build();
    }

    /** The directory keeps the latest entry per key, in one partition so its order is the order of change. */
    @Bean
    NewTopic directoryTopic(PlatformProperties props) {
        return TopicBuilder.name(props.topics().directory()).partitions(1).replicas(props.topics().replicas())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync(props)).compact().build();
    }

    /**
     * With the producers' {@code acks=all}, a write is acknowledged once this many copies hold it: all but one of
     * the replicas (2 of 3), so one broker may be lost or restarted without losing or refusing a write.
     */
    static String minInSync(PlatformProperties props) {
        return String.valueOf(Math.max(1, props.topics().replicas() - 1));
    }
}
