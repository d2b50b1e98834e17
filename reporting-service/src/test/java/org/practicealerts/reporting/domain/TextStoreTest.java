package org.practicealerts.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextStoreTest {

    @TempDir
    Path folder;

    @Test
    void givesBackEveryTextByItsPositionWhetherStillBufferedOnFileOrLongerThanTheBuffer() throws Exception {
        List<String> texts = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        try (TextStore store = TextStore.create(folder)) {
            for (int i = 0; i < 3_000; i++) {
                String text = i % 500 == 7 ? "x".repeat(70_000) + i : "sealed:v1:alert-" + i + ":" + "Größe ✓ ".repeat(i % 40);
                texts.add(text);
                positions.add(store.put(text));
                // Read back at once (from the buffer) and, now and then, one long since written to the file.
                assertThat(store.get(positions.get(i))).isEqualTo(text);
                assertThat(store.get(positions.get(i / 2))).isEqualTo(texts.get(i / 2));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertThat(store.get(positions.get(i))).isEqualTo(texts.get(i));
            }
            assertThat(store.get(store.put(""))).isEmpty();
            assertThat(store.size()).isGreaterThan(64 * 1024);
        }
    }

    @Test
    void leavesNoFileBehindInItsFolder() throws Exception {
        try (TextStore store = TextStore.create(folder)) {
            store.put("sealed:v1:a-1:abc");
            try (var files = Files.list(folder)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
