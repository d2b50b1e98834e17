package org.practicealerts.reporting;

import org.practicealerts.embedded.SharedTestInfrastructure;

/** The test JVM's one KRaft broker and one MongoDB wire server (see {@link SharedTestInfrastructure}). */
public final class TestInfra {

    private TestInfra() {
    }

    public static String bootstrap() {
        return SharedTestInfrastructure.bootstrapServers();
    }

    public static String mongoUri() {
        return SharedTestInfrastructure.mongoUri();
    }
}
