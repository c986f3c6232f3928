package dev.intropage.core;

/** Whose entry a section's cached value is. */
public enum CacheScope {
  /** One entry per user: the data differs by viewer. */
  USER,
  /** One entry for everyone: the data is the same for every viewer. */
  GLOBAL
}
