package org.practicealerts.reporting.domain;

import java.nio.ByteBuffer;

/**
 * Unsigned variable-length integers, seven bits a byte, low bits first (a small number takes one byte): how the
 * projection's packed chronologies and its text file write their numbers.
 */
final class Varints {

    /** The most bytes a long takes. */
    static final int MAX_BYTES = 10;

    private Varints() {
    }

    static void write(ByteBuffer out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    static long read(ByteBuffer in) {
        long v = 0;
        int shift = 0;
        byte b;
        do {
            b = in.get();
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return v;
    }
}
