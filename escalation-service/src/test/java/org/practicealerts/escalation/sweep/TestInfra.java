package org.practicealerts.escalation.sweep;

/** The test JVM's shared broker and MongoDB server, for Spring tests in other packages. */
public final class TestInfra {

    private TestInfra() {
    }

    public static String bootstrap() {
        return SweepRig.bootstrap();
    }

    public static String mongoUri() {
        return SweepRig.mongoUri();
    }
}
