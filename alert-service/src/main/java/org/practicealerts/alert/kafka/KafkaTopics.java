package org.practicealerts.alert.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.practicealerts.alert.config.AlertServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service writes, created at start-up when missing. */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

    /** Alert events are kept forever: every projection can be rebuilt from the beginning. */
    @Bean
    NewTopic alertEventsTopic(AlertServiceProperties props) {
        return TopicBuilder.name(props.topics().events()).partitions(props.topics().partitions())
                .replicas(props.topics().replicas()).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** Commands from the escalation service wait here while the alert-service is down. */
    @Bean
    NewTopic deadlineCommandsTopic(AlertServiceProperties props) {
        return TopicBuilder.name(props.topics().commands()).partitions(props.topics().partitions())
                .replicas(props.topics().replicas()).config(TopicConfig.RETENTION_MS_CONFIG, "1209600000").build();
    }

    /** The directory keeps the latest entry per key. */
    @Bean
    NewTopic directoryTopic(AlertServiceProperties props) {
        return TopicBuilder.name(props.topics().directory()).partitions(1).replicas(props.topics().replicas())
                .compact().build();
    }
}
