package org.practicealerts.alert.config;

import com.mongodb.client.MongoClient;
import org.practicealerts.support.PlatformProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.practicealerts.alert.domain.Commendation;
import org.practicealerts.alert.domain.InformalResolutionRecord;
import org.practicealerts.alert.domain.PracticeAlert;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon on MongoDB: the event store (one document per event) and the token store of the streaming processors, both
 * serialised as JSON with Jackson 3. The axon-mongo Spring Boot starter is not published for Axon 4.12+, so the
 * engine and token store are wired here.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMongoConfig {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, PlatformProperties props) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, props.mongoDatabase()).build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jsonSerializer();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate template, Serializer serializer,
                                          AlertServiceProperties props) {
        // The look-back window catches events committed out of timestamp order by concurrent writers: the known
        // weakness of timestamp-based tracking tokens (see docs/architecture.md).
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(),
                        props.eventStore().lookBack()))
                .build();
    }

    /**
     * The event store over the Mongo engine; also the event bus the streaming processors read from. Each processor
     * reads its own stream from storage with its own token: Axon's shared in-memory stream ("event consumption
     * optimisation") decides who may join it by comparing tokens, which Mongo's timestamp-window tokens do not
     * support reliably, and a processor re-joining it after a failed batch (the Kafka publisher while the broker
     * is down) could skip an event. Found by a restart system test (now part of the fault suite) on a slow CI
     * machine. {@link PromptEventStore} keeps those private streams and wakes them on every commit, so publication
     * to Kafka and the views follow a command within milliseconds rather than the second Axon's private streams
     * wait; another instance's commits are read within {@code practice-alerts.event-store.idle-poll}.
     */
    @Bean
    PromptEventStore eventStore(EventStorageEngine engine, AlertServiceProperties props) {
        return PromptEventStore.builder().storageEngine(engine).idlePoll(props.eventStore().idlePoll()).build();
    }

    /**
     * The aggregates, registered here rather than with Spring stereotypes so the domain classes stay free of Spring.
     * Their command handlers get {@code AlertContext} injected from the application context.
     */
    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(PracticeAlert.class)
                .configureAggregate(Commendation.class)
                .configureAggregate(InformalResolutionRecord.class);
    }

    /**
     * A handler that throws fails its whole batch, which the processor retries from the same token with backoff.
     * Axon's default logs the exception and moves on, which would skip that event for good: an event never
     * published to Kafka, or missing from the views.
     */
    @Bean
    ConfigurerModule handlerFailuresRetryTheBatch() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    /**
     * JSON, for the product's types only: the class a stored document names must be the product's or Axon's
     * ({@link ProductTypesSerializer}), and a polymorphic value inside one (Axon's tracking tokens nest tokens) must be
     * a token, an event or one of the collections they hold.
     */
    static Serializer jsonSerializer() {
        return new ProductTypesSerializer(Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> builder
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                                .allowIfSubType("org.axonframework.eventhandling.")
                                .allowIfSubType("org.axonframework.extensions.mongo.")
                                .allowIfSubType("org.practicealerts.")
                                .allowIfSubType("java.util.")
                                .build()))
                .build());
    }
}
