package dev.intropage.core;

/** Where the data in a section result came from. */
public enum ValueSource {
  /** The section's source, called for this page. */
  ORIGIN,
  /** A cache entry within its time to live or its stale-while-revalidate window. */
  CACHE,
  /** The last good value, kept for stale-if-error up to the section's max-stale age. */
  LAST_GOOD,
  /** The section's default value. */
  DEFAULT,
  /** Nothing: the result carries no data. */
  NONE
}
