package org.practicealerts.alert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The processors' streams wake on a commit instead of sleeping out their timeout, and read another instance's commits
 * at their idle poll. Each wait below is a minute long; the stream must answer well within it, which it only does
 * when the commit, or the idle poll, wakes it.
 */
class PromptEventStoreTest {

    private static final Duration WELL_WITHIN_THE_WAIT = Duration.ofSeconds(15);
    /** Longer than every wait below, so only a commit's signal can wake the stream. */
    private static final Duration NO_IDLE_POLL_WITHIN_THE_WAIT = Duration.ofMinutes(5);

    private final ExecutorService processor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopProcessor() {
        processor.shutdownNow();
    }

    @Test
    void aCaughtUpStreamWakesWhenAnEventIsCommittedNotAtTheEndOfItsWait() {
        PromptEventStore store = PromptEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
                .idlePoll(NO_IDLE_POLL_WITHIN_THE_WAIT).build();
        store.publish(GenericEventMessage.asEventMessage("before"));
        TrackingEventStream stream = store.openStream(store.createHeadToken());

        Object next = nextAfterCommitWhileWaiting(stream,
                () -> store.publish(GenericEventMessage.asEventMessage("after")));

        assertThat(next).isEqualTo("after");
    }

    @Test
    void aCommitBetweenTheStreamsReadAndItsWaitIsNotMissed() {
        AtomicReference<PromptEventStore> store = new AtomicReference<>();
        AtomicBoolean committedDuringTheRead = new AtomicBoolean();
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                List<? extends TrackedEventMessage<?>> found = super.readEvents(token, mayBlock).toList();
                if (found.isEmpty() && committedDuringTheRead.compareAndSet(false, true)) {
                    store.get().publish(GenericEventMessage.asEventMessage("raced"));
                }
                return found.stream();
            }
        };
        store.set(PromptEventStore.builder().storageEngine(engine).idlePoll(NO_IDLE_POLL_WITHIN_THE_WAIT).build());
        TrackingEventStream stream = store.get().openStream(null);

        CompletableFuture<Object> next = CompletableFuture.supplyAsync(() -> nextWithin(stream, 60), processor);

        await().atMost(WELL_WITHIN_THE_WAIT).until(next::isDone);
        assertThat(committedDuringTheRead).isTrue();
        assertThat(next.join()).isEqualTo("raced");
    }

    @Test
    void anEventCommittedByAnotherInstanceIsReadAtTheNextIdlePollNotAtTheEndOfTheWait() {
        InMemoryEventStorageEngine shared = new InMemoryEventStorageEngine();
        PromptEventStore here = PromptEventStore.builder().storageEngine(shared).idlePoll(Duration.ofMillis(50))
                .build();
        PromptEventStore otherInstance = PromptEventStore.builder().storageEngine(shared).build();
        TrackingEventStream stream = here.openStream(null);

        Object next = nextAfterCommitWhileWaiting(stream,
                () -> otherInstance.publish(GenericEventMessage.asEventMessage("elsewhere")));

        assertThat(next).isEqualTo("elsewhere");
    }

    @Test
    void aCaughtUpStreamAsksStorageAgainOnlyAfterACommitHere() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                reads.incrementAndGet();
                return super.readEvents(token, mayBlock);
            }
        };
        PromptEventStore store = PromptEventStore.builder().storageEngine(engine)
                .idlePoll(NO_IDLE_POLL_WITHIN_THE_WAIT).build();
        TrackingEventStream stream = store.openStream(null);

        assertThat(stream.hasNextAvailable()).isFalse();
        int afterRunningDry = reads.get();
        for (int ask = 0; ask < 10; ask++) {
            assertThat(stream.hasNextAvailable()).isFalse();
            assertThat(stream.peek()).isEmpty();
        }
        assertThat(reads.get()).isEqualTo(afterRunningDry);

        store.publish(GenericEventMessage.asEventMessage("new"));
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("new");
        assertThat(reads.get()).isEqualTo(afterRunningDry + 1);
    }

    @Test
    void aStreamReadsEveryEventAfterItsTokenInOrderThenReportsNoneWhenItsTimeEnds() throws Exception {
        PromptEventStore store = PromptEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(GenericEventMessage.asEventMessage("one"));
        TrackingToken afterOne = store.createHeadToken();
        store.publish(GenericEventMessage.asEventMessage("two"), GenericEventMessage.asEventMessage("three"));

        TrackingEventStream stream = store.openStream(afterOne);

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("two");
        assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains("three");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("three");
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.peek()).isEmpty();
        store.publish(GenericEventMessage.asEventMessage("four"));
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("four");
    }

    /**
     * Has the processor's thread wait a minute for the stream's next event; once it is waiting, commits; answers the
     * event it got, which must come well within the minute.
     */
    private Object nextAfterCommitWhileWaiting(TrackingEventStream stream, Runnable commit) {
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Object> next = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return nextWithin(stream, 60);
        }, processor);
        await().atMost(WELL_WITHIN_THE_WAIT).until(() -> waiter.get() != null
                && waiter.get().getState() == Thread.State.TIMED_WAITING);
        commit.run();
        await().atMost(WELL_WITHIN_THE_WAIT).until(next::isDone);
        return next.join();
    }

    private static Object nextWithin(TrackingEventStream stream, int seconds) {
        try {
            return stream.hasNextAvailable(seconds, TimeUnit.SECONDS) ? stream.nextAvailable().getPayload() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
