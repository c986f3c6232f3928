package dev.intropage.app;

import dev.intropage.core.EngineListener;
import dev.intropage.core.IntroPage;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.SectionHealth;
import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionStatus;
import dev.intropage.core.model.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the engine's events into Micrometer meters: section and page latency histograms, cache
 * results, breaker transitions and states, refreshes and failed pages. Thread-safe.
 *
 * <p>The meters of each page's events are found in maps keyed by their tags' values: building a
 * meter's id and looking it up in the registry on each of a page's eleven events cost more than the
 * rest of a cached page's assembly.
 */
final class MicrometerListener implements EngineListener {
  private final MeterRegistry registry;
  private final Map<SectionKey<?>, SectionMeters> sections = new ConcurrentHashMap<>();
  private final Map<Boolean, Timer> pageTimers = new ConcurrentHashMap<>();

  MicrometerListener(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Returns the meter of a key, registering it on first use; a lookup in the map, without the lock
   * that {@code computeIfAbsent} may take, once it exists.
   */
  static <K, M> M meter(Map<K, M> meters, K key, Function<K, M> register) {
    M meter = meters.get(key);
    return meter != null ? meter : meters.computeIfAbsent(key, register);
  }

  /** Adds one gauge per section: 0 closed, 1 half-open, 2 open. */
  void watchBreakers(IntroPageEngine engine) {
    for (String section : engine.sections()) {
      Supplier<Number> state =
          () ->
              engine.health().stream()
                  .filter(health -> health.section().equals(section))
                  .findFirst()
                  .map(SectionHealth::breaker)
                  .map(MicrometerListener::level)
                  .orElse(0);
      Gauge.builder("intro.breaker.state", state)
          .description("circuit breaker state: 0 closed, 1 half-open, 2 open")
          .tag("section", section)
          .register(registry);
    }
  }

  private static int level(BreakerState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }

  /**
   * A section's meters: its cache counters, made with it, and a timer per status, made on first
   * use. Found by the section's key, without building a string per event.
   */
  private final class SectionMeters {
    final String name;
    final Counter hits;
    final Counter misses;
    final Counter stale;
    final Map<SectionStatus, Timer> timers = new ConcurrentHashMap<>();

    SectionMeters(String name) {
      this.name = name;
      hits = cacheCounter(name, "hit");
      misses = cacheCounter(name, "miss");
      stale = cacheCounter(name, "stale");
    }

    Timer timer(SectionStatus status) {
      return meter(
          timers,
          status,
          absent ->
              Timer.builder("intro.section.duration")
                  .description("time a page waited for a section it loaded, or that failed")
                  .tag("section", name)
                  .tag("status", status.name().toLowerCase(Locale.ROOT))
                  .publishPercentileHistogram()
                  .register(registry));
    }
  }

  private Counter cacheCounter(String section, String result) {
    return Counter.builder("intro.cache.requests")
        .description("section cache lookups by result")
        .tag("section", section)
        .tag("result", result)
        .register(registry);
  }

  private SectionMeters meters(SectionKey<?> section) {
    return meter(sections, section, key -> new SectionMeters(key.name()));
  }

  /**
   * Times what a page waited for a section's load, or its failure; a value served from the cache
   * took no wait worth a histogram and is counted by the cache meters instead.
   */
  @Override
  public void sectionFinished(
      SectionKey<?> section, UserId user, SectionStatus status, Duration elapsed) {
    if (status != SectionStatus.CACHED && status != SectionStatus.STALE) {
      meters(section).timer(status).record(elapsed);
    }
  }

  @Override
  public void cacheHit(SectionKey<?> section) {
    meters(section).hits.increment();
  }

  @Override
  public void cacheMiss(SectionKey<?> section) {
    meters(section).misses.increment();
  }

  @Override
  public void cacheStale(SectionKey<?> section) {
    meters(section).stale.increment();
  }

  @Override
  public void refreshFinished(SectionKey<?> section, boolean succeeded) {
    Counter.builder("intro.cache.refreshes")
        .description("background refreshes of stale entries")
        .tag("section", section.name())
        .tag("outcome", succeeded ? "success" : "failure")
        .register(registry)
        .increment();
  }

  @Override
  public void breakerTransition(SectionKey<?> section, BreakerState from, BreakerState to) {
    Counter.builder("intro.breaker.transitions")
        .description("circuit breaker transitions by target state")
        .tag("section", section.name())
        .tag("to", to.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  @Override
  public void pageFinished(IntroPage page) {
    pageTimers
        .computeIfAbsent(
            page.degraded(),
            degraded ->
                Timer.builder("intro.page.duration")
                    .description("time to assemble a page")
                    .tag("degraded", Boolean.toString(degraded))
                    .publishPercentileHistogram()
                    .register(registry))
        .record(page.elapsed());
  }

  @Override
  public void pageFailed(UserId user, Duration elapsed, RuntimeException failure) {
    Counter.builder("intro.page.failures")
        .description("pages that could not be assembled, by exception")
        .tag("exception", failure.getClass().getSimpleName())
        .register(registry)
        .increment();
  }
}
