package org.practicealerts.reporting.domain;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The free text a projection prints (responses, notes, outcomes, reasons: sealed as the events carry them), kept out
 * of the heap so that memory does not grow with what people wrote over the years: each text is appended to a file
 * and known by its position. The file is the projection's own, made again by every rebuild (the topic is the
 * record): it is removed from its folder as soon as it is open, so nothing is left behind by a crash, and its space is
 * freed on {@link #close()}. It only ever holds sealed text, as the topic does.
 *
 * <p>Appends come under the projection's write lock and reads under its read lock; the recent appends wait in a small
 * buffer, which a read of them serves.
 */
final class TextStore implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final FileChannel file;
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFER);
    /** Bytes in the file; positions from here on are in {@link #pending}. */
    private long written;

    private TextStore(FileChannel file) {
        this.file = file;
    }

    /** A store in a new file in {@code folder} (null: the JVM's temporary folder). */
    static TextStore create(Path folder) {
        try {
            Path path = folder == null ? Files.createTempFile("practice-alerts-reporting-text", ".bin")
                    : Files.createTempFile(folder, "practice-alerts-reporting-text", ".bin");
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Files.delete(path);
            return new TextStore(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the reporting text file", e);
        }
    }

    /** Keeps {@code text}; its position, for {@link #get}. */
    long put(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer length = ByteBuffer.allocate(Varints.MAX_BYTES);
        Varints.write(length, utf8.length);
        byte[] head = Arrays.copyOf(length.array(), length.position());
        long at = written + pending.position();
        try {
            if (pending.remaining() < head.length + utf8.length) {
                flush();
            }
            if (head.length + utf8.length > BUFFER) {
                writeFully(ByteBuffer.wrap(head));
                writeFully(ByteBuffer.wrap(utf8));
                return at;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep text in the reporting text file", e);
        }
        pending.put(head).put(utf8);
        return at;
    }

    /** The text kept at {@code at}. */
    String get(long at) {
        if (at >= written) {
            ByteBuffer mine = pending.duplicate().flip();
            mine.position((int) (at - written));
            int length = (int) Varints.read(mine);
            byte[] utf8 = new byte[length];
            mine.get(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }
        try {
            ByteBuffer head = ByteBuffer.allocate(5);
            readFully(head, at);
            head.flip();
            int length = (int) Varints.read(head);
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, at + head.position());
            return new String(body.array(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reporting text file", e);
        }
    }

    /** Bytes kept, on file and waiting. */
    long size() {
        return written + pending.position();
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() throws IOException {
        pending.flip();
        writeFully(pending);
        pending.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            written += file.write(b, written);
        }
    }

    private void readFully(ByteBuffer b, long at) throws IOException {
        long position = at;
        while (b.hasRemaining()) {
            int n = file.read(b, position);
            if (n < 0) {
                // Only a length read near the end of the file asks for more than there is.
                return;
            }
            position += n;
        }
    }
}
