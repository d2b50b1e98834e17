package org.practicealerts.support;

/**
 * A Kafka consumer group of this service. Declared as a bean beside the listener that uses it, so the platform
 * creates its dead-letter topic and registers its fault metrics at zero.
 *
 * @param id the group id the listener or consumer uses
 */
public record ConsumerGroup(String id) {

    /** Where this group's records that can never be processed are kept, untouched, for someone to look at. */
    public String deadLetterTopic() {
        return "practice-alerts.dead-letters." + id;
    }
}
