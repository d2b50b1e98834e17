package org.practicealerts.reporting.domain;

import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.practicealerts.events.PracticeEvent;

/**
 * The projection reports read, guarded so that the feed applies whole batches while readers see a consistent state.
 * A rebuild builds a fresh projection aside and swaps it in when it has caught up.
 */
public final class LiveProjection {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Projection current = new Projection();

    public <T> T read(Function<Projection, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(current);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies a batch; returns how many events were new. */
    public int apply(List<PracticeEvent> events) {
        return apply(events, (e, i) -> {
            throw e;
        });
    }

    /**
     * Applies a batch, handing any event that fails to {@code failed} (with its index) and carrying on with the
     * rest, so one event this version cannot apply never stops the projection; returns how many were new.
     */
    public int apply(List<PracticeEvent> events, ObjIntConsumer<RuntimeException> failed) {
        lock.writeLock().lock();
        try {
            int n = 0;
            for (int i = 0; i < events.size(); i++) {
                try {
                    if (current.apply(events.get(i))) {
                        n++;
                    }
                } catch (RuntimeException e) {
                    failed.accept(e, i);
                }
            }
            return n;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Swaps in a rebuilt projection; it takes over the listener of the one it replaces. */
    public void replace(Projection rebuilt) {
        lock.writeLock().lock();
        try {
            rebuilt.listenTo(current.listener());
            Projection replaced = current;
            current = rebuilt;
            // No reader is inside it: each reads under the read lock, and this holds the write lock.
            replaced.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void listenTo(ProjectionListener listener) {
        lock.writeLock().lock();
        try {
            current.listenTo(listener);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
