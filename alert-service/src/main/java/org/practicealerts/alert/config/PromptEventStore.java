package org.practicealerts.alert.config;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The event store the streaming processors read from, waking them as soon as this instance commits an event.
 *
 * <p>Each processor reads its own stream from storage, from its own token, as with Axon's {@code EmbeddedEventStore}
 * without "event consumption optimisation" (see {@link AxonMongoConfig#eventStore}): every read goes through the
 * storage engine from the processor's last token, so the look-back window that catches events committed out of
 * timestamp order still applies and no event is skipped. What changes is the wait: the embedded store's private
 * streams, once caught up, sleep out the processor's whole availability timeout (a second) before reading again,
 * because nothing signals them. Here every commit bumps a counter and signals the waiting streams, so a processor
 * reads the new event within milliseconds. A stream notes the counter before it reads, so a commit that lands
 * between its read and its wait is not missed.
 *
 * <p>Commits by another alert-service instance are not signalled: a waiting stream also reads again every
 * {@code idlePoll} (k8s runs three instances, and a processor runs on one of them), so their events follow within
 * that time.
 */
public final class PromptEventStore extends AbstractEventStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final long idlePollNanos;
    private long commits;

    private PromptEventStore(Builder builder) {
        super(builder);
        this.idlePollNanos = builder.idlePoll.toNanos();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        lock.lock();
        try {
            commits++;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new Consumer(trackingToken);
    }

    private long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a commit after {@code seen}, or the timeout; answers whether there was one. */
    private boolean awaitCommitAfter(long seen, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (commits == seen && left > 0) {
                left = committed.awaitNanos(left);
            }
            return commits != seen;
        } finally {
            lock.unlock();
        }
    }

    private final class Consumer implements TrackingEventStream {

        private TrackingToken lastToken;
        private Stream<? extends TrackedEventMessage<?>> stream;
        private Iterator<? extends TrackedEventMessage<?>> iterator;
        private TrackedEventMessage<?> peeked;
        /** The commit count noted before the read that found storage dry; -1 before any. */
        private long dryAtCommit = -1;
        private long dryAtNanos;

        private Consumer(TrackingToken startToken) {
            this.lastToken = startToken;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(peeked == null && !hasNextAvailable() ? null : peeked);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (peeked != null) {
                return true;
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = commits();
                if (readNext(seen)) {
                    return true;
                }
                long now = System.nanoTime();
                long left = deadline - now;
                if (left <= 0) {
                    return false;
                }
                awaitCommitAfter(seen, Math.min(left, Math.max(1, dryAtNanos + idlePollNanos - now)));
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            boolean available;
            do {
                available = hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS);
            } while (!available);
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        /**
         * Reads the next event after the last token from storage, re-opening the stream once it has run dry; but not
         * while nothing was committed here since it ran dry and the idle poll has not come round (a processor asks
         * "anything more?" several times per batch, and each ask would be a query).
         *
         * @param seen the commit count noted before this read, so a commit during the read makes the next one query
         */
        private boolean readNext(long seen) {
            if (iterator == null && seen == dryAtCommit && System.nanoTime() - dryAtNanos < idlePollNanos) {
                return false;
            }
            if (iterator == null) {
                stream = storageEngine().readEvents(lastToken, false);
                iterator = stream.iterator();
            }
            if (iterator.hasNext()) {
                peeked = iterator.next();
                lastToken = peeked.trackingToken();
                return true;
            }
            closeStream();
            dryAtCommit = seen;
            dryAtNanos = System.nanoTime();
            return false;
        }

        @Override
        public void close() {
            closeStream();
        }

        private void closeStream() {
            if (stream != null) {
                stream.close();
            }
            stream = null;
            iterator = null;
        }
    }

    /** Builds the store over a storage engine, with the other defaults of Axon's event stores. */
    public static final class Builder extends AbstractEventStore.Builder {

        private Duration idlePoll = Duration.ofSeconds(1);

        @Override
        public Builder storageEngine(EventStorageEngine engine) {
            super.storageEngine(engine);
            return this;
        }

        /** How often a waiting stream reads storage when no commit of this instance wakes it (default 1 s). */
        public Builder idlePoll(Duration idlePoll) {
            if (idlePoll.isNegative() || idlePoll.isZero()) {
                throw new IllegalArgumentException("the idle poll must be positive");
            }
            this.idlePoll = idlePoll;
            return this;
        }

        public PromptEventStore build() {
            validate();
            return new PromptEventStore(this);
        }
    }
}
