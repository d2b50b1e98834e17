package org.practicealerts.escalation.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.practicealerts.escalation.config.EscalationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service reads and writes, created when missing with the same settings the alert-service uses, so
 * either service may start first (a consumer of a missing topic would otherwise wait for a metadata refresh).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

    @Bean
    NewTopic alertEventsTopic(EscalationProperties props) {
        return TopicBuilder.name(props.topics().events()).partitions(props.topics().partitions())
                .replicas(props.topics().replicas()).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    @Bean
    NewTopic deadlineCommandsTopic(EscalationProperties props) {
        return TopicBuilder.name(props.topics().commands()).partitions(props.topics().partitions())
                .replicas(props.topics().replicas()).config(TopicConfig.RETENTION_MS_CONFIG, "1209600000").build();
    }
}
