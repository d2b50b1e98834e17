package org.practicealerts.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaults() {
        LoadOptions o = LoadOptions.parse();
        assertThat(o.baseUrl().toString()).isEqualTo("http://localhost:8081");
        assertThat(o.alerts()).isEqualTo(2000);
        assertThat(o.concurrency()).isEqualTo(16);
        assertThat(o.durationLimitSeconds()).isEqualTo(120);
        assertThat(o.respondFraction()).isZero();
    }

    @Test
    void parsesBothSpellings() {
        LoadOptions o = LoadOptions.parse("--alerts=500", "--concurrency", "32", "--respond-fraction", "0.25",
                "--warmup", "0", "--duration-limit=60");
        assertThat(o.alerts()).isEqualTo(500);
        assertThat(o.concurrency()).isEqualTo(32);
        assertThat(o.respondFraction()).isEqualTo(0.25);
        assertThat(o.warmup()).isZero();
        assertThat(o.durationLimitSeconds()).isEqualTo(60);
    }

    @Test
    void boundsAreEnforced() {
        assertThatThrownBy(() -> LoadOptions.parse("--alerts", "100001")).hasMessageContaining("--alerts");
        assertThatThrownBy(() -> LoadOptions.parse("--alerts", "0")).hasMessageContaining("--alerts");
        assertThatThrownBy(() -> LoadOptions.parse("--concurrency", "65")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> LoadOptions.parse("--respond-fraction", "1.5")).hasMessageContaining("fraction");
        assertThatThrownBy(() -> LoadOptions.parse("--respond-fraction", "NaN")).hasMessageContaining("fraction");
        assertThatThrownBy(() -> LoadOptions.parse("--duration-limit", "x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> LoadOptions.parse("--alerts")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("--bogus", "1")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LoadOptions.parse("--raiser", "a b")).hasMessageContaining("person id");
    }

    @Test
    void respondFractionPicksExactlyThatShareEvenly() {
        assertThat(IntStream.range(0, 1000).filter(i -> LoadOptions.respondsTo(i, 0.25)).count()).isEqualTo(250);
        assertThat(IntStream.range(0, 1000).filter(i -> LoadOptions.respondsTo(i, 0.1)).count()).isEqualTo(100);
        assertThat(IntStream.range(0, 1000).filter(i -> LoadOptions.respondsTo(i, 1.0)).count()).isEqualTo(1000);
        assertThat(IntStream.range(0, 1000).filter(i -> LoadOptions.respondsTo(i, 0.0)).count()).isZero();
        // evenly spread: every block of 4 has exactly one
        assertThat(IntStream.range(0, 4).filter(i -> LoadOptions.respondsTo(i, 0.25)).count()).isEqualTo(1);
        assertThat(IntStream.range(996, 1000).filter(i -> LoadOptions.respondsTo(i, 0.25)).count()).isEqualTo(1);
    }
}
