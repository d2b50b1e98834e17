package org.practicealerts.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Every consumer's fault handling ({@link ConsumerFaults}): the listener containers' error handler, the dead
 * letters, and a dead-letter topic (kept until someone deals with it) for each {@link ConsumerGroup} the service
 * declares.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class ConsumerFaultsAutoConfiguration {

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, byte[]> kafka, ObjectProvider<MeterRegistry> registry,
                            List<ConsumerGroup> groups) {
        return new DeadLetters(kafka, registry.getIfAvailable(SimpleMeterRegistry::new), groups);
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(DeadLetters deadLetters) {
        return ConsumerFaults.errorHandler(deadLetters);
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(List<ConsumerGroup> groups, PlatformProperties props) {
        return new KafkaAdmin.NewTopics(groups.stream().map(g -> deadLetterTopic(g, props)).toArray(NewTopic[]::new));
    }

    static NewTopic deadLetterTopic(ConsumerGroup group, PlatformProperties props) {
        return TopicBuilder.name(group.deadLetterTopic()).partitions(1).replicas(props.topics().replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, EventTopics.minInSync(props)).build();
    }
}
