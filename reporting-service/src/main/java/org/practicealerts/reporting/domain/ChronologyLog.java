package org.practicealerts.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.practicealerts.reporting.api.ChronologyEntry;

/**
 * One alert's chronology, packed into a byte array: each line's instant (seconds as a difference from the first line's,
 * and nanoseconds), its label, stage and actor as numbers in the projection's {@link StringPool}, and where its detail
 * (sealed free text) is in the projection's {@link TextStore}. A million alerts' chronologies fit in a tenth of the memory of their
 * {@link ChronologyEntry} objects; a chronology is unpacked only when a child's chronology is read. The log is the
 * byte array itself, exactly sized (a million are kept): {@link #add} returns the longer one.
 */
final class ChronologyLog {

    static final byte[] EMPTY = new byte[0];

    private ChronologyLog() {
    }

    /** The log {@code bytes} with {@code e} added at its end. */
    static byte[] add(byte[] bytes, StringPool pool, TextStore texts, ChronologyEntry e) {
        Writer w = new Writer();
        long second = e.at().getEpochSecond();
        // The first line's second in full, each later one as its difference from the first (a few bytes).
        w.writeLong(zigZag(bytes.length == 0 ? second : second - unZigZag(new Reader(bytes).next())));
        w.writeLong(e.at().getNano());
        w.writeLong(pool.index(e.event()));
        w.writeLong(e.stage() == null ? 0 : (long) e.stage() + 1);
        w.writeLong(pool.index(e.actor()));
        w.writeLong(e.detail() == null ? 0 : texts.put(e.detail()) + 1);
        byte[] grown = Arrays.copyOf(bytes, bytes.length + w.length);
        System.arraycopy(w.buffer, 0, grown, bytes.length, w.length);
        return grown;
    }

    /** Every line of the log, oldest first. */
    static List<ChronologyEntry> entries(byte[] bytes, StringPool pool, TextStore texts) {
        List<ChronologyEntry> out = new ArrayList<>();
        Reader r = new Reader(bytes);
        long first = 0;
        while (r.at < bytes.length) {
            long second = unZigZag(r.next());
            if (out.isEmpty()) {
                first = second;
            } else {
                second += first;
            }
            Instant at = Instant.ofEpochSecond(second, r.next());
            String event = pool.at((int) r.next());
            long stage = r.next();
            String actor = pool.at((int) r.next());
            long detailAt = r.next() - 1;
            String detail = detailAt < 0 ? null : texts.get(detailAt);
            out.add(new ChronologyEntry(at, event, stage == 0 ? null : (int) (stage - 1), actor, detail));
        }
        return out;
    }

    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unZigZag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** One line's numbers, as variable-length integers (seven bits a byte). */
    private static final class Writer {
        final byte[] buffer = new byte[60];
        int length;

        void writeLong(long v) {
            while ((v & ~0x7FL) != 0) {
                buffer[length++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buffer[length++] = (byte) v;
        }
    }

    private static final class Reader {
        final byte[] bytes;
        int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long next() {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[at++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return v;
        }
    }
}
