package org.practicealerts.load;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency summary of one kind of request, computed exactly from every recorded sample (at most a few hundred
 * thousand longs, so sorting a copy is cheap). Percentiles use the nearest-rank method: the p-th percentile of
 * n sorted samples is the sample at rank ceil(p/100 * n) (1-based), so it is always a value that was observed.
 *
 * @param count  number of samples
 * @param p50    median, nanoseconds
 * @param p95    95th percentile, nanoseconds
 * @param p99    99th percentile, nanoseconds
 * @param max    slowest sample, nanoseconds
 * @param mean   arithmetic mean, nanoseconds
 */
public record LatencyStats(int count, long p50, long p95, long p99, long max, double mean) {

    /** Summary of {@code samples} (nanoseconds; the array is not modified). An empty array gives all zeros. */
    public static LatencyStats of(long[] samples) {
        if (samples.length == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1], sum / sorted.length);
    }

    /**
     * Nearest-rank percentile of an ascending array.
     *
     * @param sorted     ascending, non-empty
     * @param percentile in (0, 100]
     */
    public static long percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        // The small epsilon keeps e.g. 0.95 * 100 = 95.00000000000001 from rounding up to rank 96.
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length - 1e-9);
        return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
    }

    /** One line: {@code n=2000 p50=12.3 ms p95=... max=... mean=...}. */
    public String format() {
        return String.format(Locale.ROOT, "n=%d  p50=%s  p95=%s  p99=%s  max=%s  mean=%s", count, ms(p50), ms(p95),
                ms(p99), ms(max), ms(mean));
    }

    static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
    }
}
