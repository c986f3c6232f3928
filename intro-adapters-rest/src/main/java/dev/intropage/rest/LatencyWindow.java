package dev.intropage.rest;

import dev.intropage.rest.EngineStats.Latency;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest samples of a latency, in nanoseconds, in a ring of fixed size, summarized as
 * nearest-rank percentiles: a sliding window by count, so its memory is bounded whatever the
 * traffic.
 *
 * <p>Thread-safe and lock-free, since every page adds to the page's window and to each section's. A
 * summary may see a slot while it is being overwritten, which a summary of the latest samples can
 * bear.
 */
final class LatencyWindow {
  private final AtomicLongArray samples;
  private final AtomicLong added = new AtomicLong();

  /** Creates a window of the latest {@code size} samples. */
  LatencyWindow(int size) {
    this.samples = new AtomicLongArray(size);
  }

  /** Adds a sample, replacing the oldest once the window is full. */
  void add(long nanos) {
    samples.set((int) (added.getAndIncrement() % samples.length()), nanos);
  }

  /** Returns the percentiles of the samples in the window, all zero when there are none. */
  Latency percentiles() {
    long[] sorted = new long[(int) Math.min(added.get(), samples.length())];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = samples.get(i);
    }
    Arrays.sort(sorted);
    return new Latency(
        sorted.length,
        rank(sorted, 0.50),
        rank(sorted, 0.95),
        rank(sorted, 0.99),
        sorted.length == 0 ? 0 : millis(sorted[sorted.length - 1]));
  }

  private static double rank(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return millis(sorted[Math.max(0, index)]);
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
