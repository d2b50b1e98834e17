package org.practicealerts.reporting.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.practicealerts.reporting.api.ChronologyEntry;

/**
 * One alert's chronology, packed into a byte array: each line's instant (seconds as a difference from the first line's,
 * and nanoseconds), its label, stage and actor as numbers in the projection's {@link StringPool}, and where its detail
 * (sealed free text) is in the projection's {@link TextStore}, each a {@link Varints varint}. A million alerts'
 * chronologies fit in a tenth of the memory of their {@link ChronologyEntry} objects; a chronology is unpacked only
 * when a child's chronology is read. The log is the byte array itself, exactly sized (a million are kept):
 * {@link #add} returns the longer one.
 */
final class ChronologyLog {

    static final byte[] EMPTY = new byte[0];

    private ChronologyLog() {
    }

    /** The log {@code bytes} with {@code e} added at its end. */
    static byte[] add(byte[] bytes, StringPool pool, TextStore texts, ChronologyEntry e) {
        ByteBuffer line = ByteBuffer.allocate(6 * Varints.MAX_BYTES);
        long second = e.at().getEpochSecond();
        // The first line's second in full, each later one as its difference from the first (a few bytes).
        long first = bytes.length == 0 ? second : unZigZag(Varints.read(ByteBuffer.wrap(bytes)));
        Varints.write(line, zigZag(bytes.length == 0 ? second : second - first));
        Varints.write(line, e.at().getNano());
        Varints.write(line, pool.index(e.event()));
        Varints.write(line, e.stage() == null ? 0 : (long) e.stage() + 1);
        Varints.write(line, pool.index(e.actor()));
        Varints.write(line, e.detail() == null ? 0 : texts.put(e.detail()) + 1);
        byte[] grown = Arrays.copyOf(bytes, bytes.length + line.position());
        System.arraycopy(line.array(), 0, grown, bytes.length, line.position());
        return grown;
    }

    /** Every line of the log, oldest first. */
    static List<ChronologyEntry> entries(byte[] bytes, StringPool pool, TextStore texts) {
        List<ChronologyEntry> out = new ArrayList<>();
        ByteBuffer r = ByteBuffer.wrap(bytes);
        long first = 0;
        while (r.hasRemaining()) {
            long second = unZigZag(Varints.read(r));
            if (out.isEmpty()) {
                first = second;
            } else {
                second += first;
            }
            Instant at = Instant.ofEpochSecond(second, Varints.read(r));
            String event = pool.at((int) Varints.read(r));
            long stage = Varints.read(r);
            String actor = pool.at((int) Varints.read(r));
            long detailAt = Varints.read(r) - 1;
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
}
