package dev.intropage.bench.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Collects the latencies, outcomes and body bytes of one phase; thread-safe. */
final class Recorder {
  private final long[] latencies;
  private int count;
  private long bytes;
  private final Map<String, Long> outcomes = new TreeMap<>();

  /** A recorder that keeps the latencies of up to {@code capacity} requests. */
  Recorder(int capacity) {
    this.latencies = new long[capacity];
  }

  /** Records one request's latency from its due time and its outcome (a status or a failure). */
  synchronized void record(long latencyNanos, String outcome) {
    if (count < latencies.length) {
      latencies[count++] = latencyNanos;
    }
    outcomes.merge(outcome, 1L, Long::sum);
  }

  /** Adds {@code n} body bytes. */
  synchronized void bytes(long n) {
    bytes += n;
  }

  /** What was recorded so far, as a phase's result. */
  synchronized LoadResult result(
      LoadSettings settings, int seconds, long scheduled, long elapsedNanos) {
    long[] sorted = Arrays.copyOf(latencies, count);
    Arrays.sort(sorted);
    return new LoadResult(
        settings, seconds, scheduled, elapsedNanos, sorted, new TreeMap<>(outcomes), bytes);
  }
}
