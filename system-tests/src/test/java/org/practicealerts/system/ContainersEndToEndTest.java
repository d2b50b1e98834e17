package org.practicealerts.system;

import org.practicealerts.embedded.EmbeddedStack;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The end-to-end scenarios on real infrastructure: Apache Kafka (KRaft) and MongoDB 7 as a replica set, fresh for
 * each stack. Skipped (not failed) where there is no Docker engine; {@link EmbeddedEndToEndTest} runs the same
 * scenarios on the embedded stand-ins.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest extends EndToEndScenarios {

    @Override
    Infrastructure infrastructure() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
        MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
        kafka.start();
        mongo.start();
        return new Infrastructure() {
            @Override
            public EmbeddedStack.Options apply(EmbeddedStack.Options options) {
                return options.externalInfrastructure(kafka.getBootstrapServers(), mongo.getReplicaSetUrl());
            }

            @Override
            public void close() {
                kafka.stop();
                mongo.stop();
            }
        };
    }
}
