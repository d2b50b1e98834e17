package org.practicealerts.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicealerts.reporting.api.ChronologyEntry;

class ChronologyLogTest {

    @TempDir
    Path tempDir;

    @Test
    void givesBackEveryLineAsItWasAddedIncludingEarlierInstantsNanosecondsEmptyFieldsAndAnyText() {
        StringPool pool = new StringPool();
        TextStore texts = TextStore.create(tempDir);
        List<ChronologyEntry> lines = List.of(
                new ChronologyEntry(Instant.parse("2026-01-05T09:30:00.123456789Z"), "Raised", 1, "iro-1", null),
                new ChronologyEntry(Instant.parse("2025-12-31T23:59:59Z"), "Contact made with sw-1", 1, "tm-1", null),
                new ChronologyEntry(Instant.parse("2026-03-01T00:00:00.000001Z"), "Note", null, null,
                        "v1:sealed Größe ✓ \n line two"),
                new ChronologyEntry(Instant.parse("2026-03-01T00:00:00.000001Z"), "Note", null, "iro-1", ""),
                new ChronologyEntry(Instant.EPOCH, "Reminder sent", 300, null, null));
        byte[] log = ChronologyLog.EMPTY;
        for (ChronologyEntry line : lines) {
            log = ChronologyLog.add(log, pool, texts, line);
        }

        assertThat(ChronologyLog.entries(log, pool, texts)).containsExactlyElementsOf(lines);
        texts.close();
        assertThat(pool.size()).as("labels and actors are kept once each").isEqualTo(6);
    }

    @Test
    void anEmptyChronologyHasNoLines() {
        assertThat(ChronologyLog.entries(ChronologyLog.EMPTY, new StringPool(), null)).isEmpty();
    }
}
