package org.practicealerts.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankOnOneToHundred() {
        long[] sorted = LongStream.rangeClosed(1, 100).toArray();
        assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(50);
        assertThat(LatencyStats.percentile(sorted, 95)).isEqualTo(95);
        assertThat(LatencyStats.percentile(sorted, 99)).isEqualTo(99);
        assertThat(LatencyStats.percentile(sorted, 99.9)).isEqualTo(100);
        assertThat(LatencyStats.percentile(sorted, 100)).isEqualTo(100);
        assertThat(LatencyStats.percentile(sorted, 0.001)).isEqualTo(1);
    }

    @Test
    void nearestRankOnSmallSamples() {
        assertThat(LatencyStats.percentile(new long[] {7}, 50)).isEqualTo(7);
        assertThat(LatencyStats.percentile(new long[] {7}, 99)).isEqualTo(7);
        long[] ten = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertThat(LatencyStats.percentile(ten, 50)).isEqualTo(50);   // rank ceil(5.0) = 5
        assertThat(LatencyStats.percentile(ten, 51)).isEqualTo(60);   // rank ceil(5.1) = 6
        assertThat(LatencyStats.percentile(ten, 95)).isEqualTo(100);  // rank ceil(9.5) = 10
        assertThat(LatencyStats.percentile(ten, 90)).isEqualTo(90);   // rank ceil(9.0) = 9, not 10
    }

    @Test
    void floatingPointDoesNotPushAnExactRankUp() {
        // 0.95 * 20 is 19.000000000000004 in doubles; the rank must still be 19.
        long[] twenty = LongStream.rangeClosed(1, 20).toArray();
        assertThat(LatencyStats.percentile(twenty, 95)).isEqualTo(19);
        long[] thousand = LongStream.rangeClosed(1, 1000).toArray();
        assertThat(LatencyStats.percentile(thousand, 99)).isEqualTo(990);
        assertThat(LatencyStats.percentile(thousand, 99.9)).isEqualTo(999);
    }

    @Test
    void summarySortsACopyAndIgnoresInputOrder() {
        List<Long> values = LongStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());
        Collections.shuffle(values, new Random(42));
        long[] shuffled = values.stream().mapToLong(Long::longValue).toArray();
        long first = shuffled[0];

        LatencyStats stats = LatencyStats.of(shuffled);

        assertThat(stats.count()).isEqualTo(1000);
        assertThat(stats.p50()).isEqualTo(500);
        assertThat(stats.p95()).isEqualTo(950);
        assertThat(stats.p99()).isEqualTo(990);
        assertThat(stats.max()).isEqualTo(1000);
        assertThat(stats.mean()).isCloseTo(500.5, within(1e-9));
        assertThat(shuffled[0]).as("input left unsorted").isEqualTo(first);
    }

    @Test
    void aSlowTailShowsOnlyInTheHighPercentiles() {
        long[] samples = new long[200];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i < 196 ? 10_000_000 : 900_000_000;   // 196 fast (10 ms), 4 slow (900 ms)
        }
        LatencyStats stats = LatencyStats.of(samples);
        assertThat(stats.p50()).isEqualTo(10_000_000);
        assertThat(stats.p95()).isEqualTo(10_000_000);   // rank 190
        assertThat(stats.p99()).isEqualTo(900_000_000);  // rank 198
        assertThat(stats.max()).isEqualTo(900_000_000);
        assertThat(stats.format()).contains("p50=10.0 ms").contains("p99=900.0 ms");
    }

    @Test
    void emptyAndInvalidInput() {
        assertThat(LatencyStats.of(new long[0])).isEqualTo(new LatencyStats(0, 0, 0, 0, 0, 0));
        assertThatThrownBy(() -> LatencyStats.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordedSkipsUnfilledSlots() {
        assertThat(RaiseAlertsLoad.recorded(new long[] {5, -1, 0, 7, -1})).containsExactly(5, 0, 7);
    }
}
