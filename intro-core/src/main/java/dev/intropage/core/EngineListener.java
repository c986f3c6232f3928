package dev.intropage.core;

import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.model.UserId;
import java.time.Duration;

/**
 * Hears what the engine does, for metrics, logs and tracing; every method does nothing unless
 * overridden. Called on the engine's threads, so implementations must be thread-safe and quick; an
 * exception thrown here is logged and otherwise ignored.
 */
public interface EngineListener {
  /** A section's load for a page started (after a cache miss). */
  default void sectionStarted(SectionKey<?> section, UserId user) {}

  /** A section of a page was settled, from whatever source. */
  default void sectionFinished(
      SectionKey<?> section, UserId user, SectionStatus status, Duration elapsed) {}

  /** A section was served from a fresh cache entry. */
  default void cacheHit(SectionKey<?> section) {}

  /** A section had no usable cache entry. */
  default void cacheMiss(SectionKey<?> section) {}

  /** A section was served from a stale cache entry while a refresh started. */
  default void cacheStale(SectionKey<?> section) {}

  /** A background refresh of a stale entry ended. */
  default void refreshFinished(SectionKey<?> section, boolean succeeded) {}

  /** A section's circuit breaker changed state. */
  default void breakerTransition(SectionKey<?> section, BreakerState from, BreakerState to) {}

  /** A page was assembled; {@link IntroPage#slowest()} names its slowest section. */
  default void pageFinished(IntroPage page) {}

  /** A page could not be assembled. */
  default void pageFailed(UserId user, Duration elapsed, RuntimeException failure) {}
}
