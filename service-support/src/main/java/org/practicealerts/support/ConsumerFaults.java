package org.practicealerts.support;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every consumer does with a record it could not process, by kind of fault:
 *
 * <ul>
 *   <li><b>Transient</b> (MongoDB unreachable or failing over, a broker timeout, a copy still loading): tried again
 *       with back-off (0.5 s doubling to 30 s) for as long as it lasts. Consumption of that partition pauses; nothing
 *       is skipped, and the offset is not committed.</li>
 *   <li><b>Poison</b> (the record cannot be read): no retry; it goes to the group's dead-letter topic and the next
 *       record is processed.</li>
 *   <li><b>Anything else</b> (a record this version cannot apply): tried four more times over about 15 s, then to
 *       the dead-letter topic, so one bad record never blocks the partition behind it.</li>
 * </ul>
 *
 * If the dead-letter topic cannot be written, the record is tried again: it is never dropped.
 */
public final class ConsumerFaults {

    public enum Kind { TRANSIENT, POISON, OTHER }

    private ConsumerFaults() {
    }

    public static Kind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnreadableRecord || t instanceof DeserializationException
                    || t instanceof ClassCastException) {
                return Kind.POISON;
            }
            if (t instanceof TransientFault || t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                    || t instanceof MongoExecutionTimeoutException || t instanceof RetriableException
                    || (t instanceof MongoException m && (m.hasErrorLabel("RetryableWriteError")
                    || m.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)))) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.OTHER;
    }

    /** The back-off for a fault of this kind. */
    public static BackOff backOff(Kind kind) {
        return switch (kind) {
            case TRANSIENT -> {
                ExponentialBackOff b = new ExponentialBackOff(500, 2.0);
                b.setMaxInterval(30_000);
                b.setMaxElapsedTime(Long.MAX_VALUE);
                yield b;
            }
            case POISON -> new FixedBackOff(0, 0);
            case OTHER -> {
                ExponentialBackOff b = new ExponentialBackOff(1000, 2.0);
                b.setMaxAttempts(4);
                yield b;
            }
        };
    }

    /** The listener containers' error handler: back-off by kind, then the dead-letter topic. */
    public static DefaultErrorHandler errorHandler(DeadLetters deadLetters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff(Kind.OTHER));
        handler.setBackOffFunction((record, e) -> backOff(classify(e)));
        handler.setResetStateOnExceptionChange(true);
        handler.setRetryListeners((record, e, attempt) -> deadLetters.retried(e));
        return handler;
    }
}
