package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.EngineListener;
import dev.intropage.core.IntroPage;
import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionStatus;
import dev.intropage.core.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Listens to an engine and summarizes it for the metrics endpoint: page and per-section latency
 * percentiles over the last {@value #WINDOW} samples of each, counts of section statuses, cache
 * hits, stale hits and misses, refreshes, failed pages and the last breaker state each section
 * reported.
 *
 * {@snippet :
 * IntroPageFeature.Builder rest = IntroPageFeature.builder();
 * IntroPageEngine engine = IntroPageEngine.builder().listener(rest.stats()) ... .build();
 * Feature feature = rest.engine(engine).verifier(verifier).build();
 * }
 *
 * <p>Thread-safe; every callback is a few counter updates or one write to a ring buffer.
 */
public final class EngineStats implements EngineListener {
  /** How many samples each latency window holds. */
  public static final int WINDOW = 1024;

  private final Clock clock;
  private final Instant since;
  private final LatencyWindow pages = new LatencyWindow(WINDOW);
  private final LongAdder pagesFailed = new LongAdder();
  private final Map<String, SectionStats> sections = new ConcurrentHashMap<>();

  EngineStats(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    this.since = clock.instant();
  }

  private SectionStats section(SectionKey<?> key) {
    return sections.computeIfAbsent(key.name(), name -> new SectionStats());
  }

  @Override
  public void sectionFinished(
      SectionKey<?> section, UserId user, SectionStatus status, Duration elapsed) {
    SectionStats stats = section(section);
    stats.latency.add(elapsed.toNanos());
    requireNonNull(stats.statuses.get(status)).increment();
  }

  @Override
  public void cacheHit(SectionKey<?> section) {
    section(section).hits.increment();
  }

  @Override
  public void cacheMiss(SectionKey<?> section) {
    section(section).misses.increment();
  }

  @Override
  public void cacheStale(SectionKey<?> section) {
    section(section).stale.increment();
  }

  @Override
  public void refreshFinished(SectionKey<?> section, boolean succeeded) {
    (succeeded ? section(section).refreshed : section(section).refreshFailed).increment();
  }

  @Override
  public void breakerTransition(SectionKey<?> section, BreakerState from, BreakerState to) {
    section(section).breaker = to;
  }

  @Override
  public void pageFinished(IntroPage page) {
    pages.add(page.elapsed().toNanos());
  }

  @Override
  public void pageFailed(UserId user, Duration elapsed, RuntimeException failure) {
    pages.add(elapsed.toNanos());
    pagesFailed.increment();
  }

  /** Returns a consistent-enough summary of everything heard so far. */
  public Snapshot snapshot() {
    Map<String, SectionSnapshot> bySection = new TreeMap<>();
    sections.forEach((name, stats) -> bySection.put(name, stats.snapshot()));
    return new Snapshot(
        clock.instant(), since, WINDOW, pages.percentiles(), pagesFailed.sum(), bySection);
  }

  /**
   * The summary the metrics endpoint serves.
   *
   * @param at when it was taken
   * @param since when counting started
   * @param window how many of the latest samples the percentiles are over
   * @param page page latency
   * @param pagesFailed pages that could not be assembled
   * @param sections each section's numbers, by name
   */
  public record Snapshot(
      Instant at,
      Instant since,
      int window,
      Latency page,
      long pagesFailed,
      Map<String, SectionSnapshot> sections) {
    /** Copies the map. */
    public Snapshot {
      sections = Map.copyOf(sections);
    }
  }

  /**
   * One section's numbers.
   *
   * @param latency time spent on the section per page
   * @param statuses how often each status was the outcome, since the start
   * @param cacheHits fresh cache hits
   * @param cacheStaleHits stale cache hits (served while refreshing)
   * @param cacheMisses loads needed
   * @param cacheHitRatio hits and stale hits over all lookups, 0 when there were none
   * @param refreshes background refreshes that succeeded
   * @param refreshFailures background refreshes that failed
   * @param breaker the last state the section's breaker reported ({@code CLOSED} until one did)
   */
  public record SectionSnapshot(
      Latency latency,
      Map<String, Long> statuses,
      long cacheHits,
      long cacheStaleHits,
      long cacheMisses,
      double cacheHitRatio,
      long refreshes,
      long refreshFailures,
      String breaker) {
    /** Copies the map. */
    public SectionSnapshot {
      statuses = Map.copyOf(statuses);
    }
  }

  /**
   * Latency percentiles over the window, nearest-rank, in milliseconds with microsecond precision.
   *
   * @param count samples in the window
   * @param p50Millis the median
   * @param p95Millis the 95th percentile
   * @param p99Millis the 99th percentile
   * @param maxMillis the slowest sample
   */
  public record Latency(
      int count, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {}

  private static final class SectionStats {
    final LatencyWindow latency = new LatencyWindow(WINDOW);
    final EnumMap<SectionStatus, LongAdder> statuses = new EnumMap<>(SectionStatus.class);
    final LongAdder hits = new LongAdder();
    final LongAdder stale = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder refreshed = new LongAdder();
    final LongAdder refreshFailed = new LongAdder();
    volatile BreakerState breaker = BreakerState.CLOSED;

    SectionStats() {
      for (SectionStatus status : SectionStatus.values()) {
        statuses.put(status, new LongAdder());
      }
    }

    SectionSnapshot snapshot() {
      Map<String, Long> counts = new TreeMap<>();
      statuses.forEach((status, count) -> counts.put(status.name(), count.sum()));
      long hit = hits.sum();
      long staleHit = stale.sum();
      long miss = misses.sum();
      long lookups = hit + staleHit + miss;
      return new SectionSnapshot(
          latency.percentiles(),
          counts,
          hit,
          staleHit,
          miss,
          lookups == 0 ? 0 : (double) (hit + staleHit) / lookups,
          refreshed.sum(),
          refreshFailed.sum(),
          breaker.name());
    }
  }
}
