package org.practicealerts.alert.scenario;

import org.practicealerts.alert.SharedInfrastructure;
import org.practicealerts.alert.web.ApiTestBase;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The lifecycle scenario on the embedded stand-ins: a real KRaft broker and mongo-java-server. */
class EmbeddedLifecycleTest extends ApiTestBase implements AlertLifecycleScenario {

    @Override
    public WebTestClient web() {
        return web;
    }

    @Override
    public String bootstrapServers() {
        return SharedInfrastructure.kafka().bootstrapServers();
    }
}
