package dev.intropage.core;

/** What happened to a section while its page was assembled. */
public enum SectionStatus {
  /** Loaded from its source for this page. */
  FRESH,
  /** Served from the cache within its time to live. */
  CACHED,
  /** Served from the cache past its time to live; a refresh runs in the background. */
  STALE,
  /** Its source failed; the last good value or the default stands in. */
  FALLBACK,
  /** Its source did not answer in time and was interrupted; a fallback stands in if any. */
  TIMED_OUT,
  /** Its source failed and nothing could stand in. */
  FAILED,
  /** Its circuit breaker is open, so its source was not called; a fallback stands in if any. */
  CIRCUIT_OPEN,
  /** Not loaded, to shed load; only optional sections are skipped. */
  SKIPPED;

  /** Returns whether the section's data came from its source or a fresh cache entry. */
  public boolean healthy() {
    return this == FRESH || this == CACHED || this == STALE;
  }
}
