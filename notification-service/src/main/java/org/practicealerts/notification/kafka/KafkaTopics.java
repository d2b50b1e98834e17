package org.practicealerts.notification.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.practicealerts.notification.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service reads, created when missing with the alert-service's settings, so either may start first. */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

    @Bean
    NewTopic alertEventsTopic(NotificationProperties props) {
        return TopicBuilder.name(props.topics().events()).partitions(props.topics().partitions())
                .replicas(props.topics().replicas()).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    @Bean
    NewTopic directoryTopic(NotificationProperties props) {
        return TopicBuilder.name(props.topics().directory()).partitions(1).replicas(props.topics().replicas())
                .compact().build();
    }
}
