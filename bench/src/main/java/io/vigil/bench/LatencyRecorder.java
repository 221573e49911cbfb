package io.vigil.bench;

import java.util.Arrays;

/** Per-thread request latencies in microseconds, merged at the end for percentiles. */
final class LatencyRecorder {

    private long[] micros = new long[1 << 16];
    private int count;

    void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = nanos / 1_000;
    }

    static String percentiles(LatencyRecorder... recorders) {
        int total = 0;
        for (LatencyRecorder r : recorders) {
            total += r.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder r : recorders) {
            System.arraycopy(r.micros, 0, all, at, r.count);
            at += r.count;
        }
        if (total == 0) {
            return "no samples";
        }
        Arrays.sort(all);
        return String.format("latency ms p50 %.1f  p99 %.1f  max %.1f",
                all[(int) (total * 0.50)] / 1000.0, all[Math.min(total - 1, (int) (total * 0.99))] / 1000.0,
                all[total - 1] / 1000.0);
    }
}
