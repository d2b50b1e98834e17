package org.practicealerts.alert.scenario;

import org.practicealerts.alert.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The lifecycle scenario on real infrastructure: MongoDB 7 as a single-node replica set and Apache Kafka in KRaft
 * mode. Skipped (not failed) where there is no Docker engine; the same scenario runs on the embedded stand-ins in
 * {@link EmbeddedLifecycleTest}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"practice-alerts.policy=seed-002-cro-practice-alert"})
@AutoConfigureWebTestClient(timeout = "PT60S")
@ActiveProfiles("embedded")
class ContainersLifecycleTest implements AlertLifecycleScenario {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("practice_alerts"));
        registry.add("EMBEDDED_DATA_DIR", () -> SharedInfrastructure.dir().toString());
    }

    @Override
    public WebTestClient web() {
        return web;
    }

    @Override
    public String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
