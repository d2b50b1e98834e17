package org.practicealerts.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded servers quiet. Only touches loggers nobody configured explicitly, and only when
 * Logback is the SLF4J backend, so a consuming Spring Boot test keeps its own logging setup.
 */
final class EmbeddedLogging {

    static final String[] KAFKA_SERVER_LOGGERS = {"kafka", "org.apache.kafka", "state.change.logger"};
    static final String[] MONGO_SERVER_LOGGERS = {"de.bwaldvogel", "org.h2", "io.netty"};
    static final String[] DRIVER_LOGGERS = {"org.mongodb.driver"};

    private EmbeddedLogging() {
    }

    static void quietKafkaServer() {
        setIfUnset(Level.WARN, KAFKA_SERVER_LOGGERS);
        // Kafka probes for log4j-core (excluded on purpose, see pom.xml) and says so once at WARN.
        setIfUnset(Level.ERROR, "org.apache.kafka.server.logger.LoggingController");
    }

    static void quietMongoServer() {
        setIfUnset(Level.WARN, MONGO_SERVER_LOGGERS);
    }

    /** For the process mains: Logback's built-in default is DEBUG on the console, so set INFO and quiet the servers. */
    static void configureForProcess() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context && !hasExplicitConfiguration()) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        }
        quietKafkaServer();
        quietMongoServer();
        setIfUnset(Level.WARN, DRIVER_LOGGERS);
    }

    private static boolean hasExplicitConfiguration() {
        return System.getProperty("logback.configurationFile") != null;
    }

    private static void setIfUnset(Level level, String... names) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (String name : names) {
                Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(level);
                }
            }
        }
    }
}
