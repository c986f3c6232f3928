package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * One section of an assembled page: its data if any, and the story of how it was obtained.
 *
 * @param key the section
 * @param status what happened while loading it
 * @param data the section's data; empty when nothing usable was available
 * @param source where the data came from
 * @param age how old the data is: zero when fresh from its source
 * @param elapsed how long this page spent on the section
 * @param error why there is no fresh data, for every status but fresh, cached and stale
 * @param <T> the type of the section's data
 */
public record SectionResult<T>(
    SectionKey<T> key,
    SectionStatus status,
    Optional<T> data,
    ValueSource source,
    Duration age,
    Duration elapsed,
    Optional<SectionError> error) {

  /** Validates the result. */
  public SectionResult {
    requireNonNull(key, "key");
    requireNonNull(status, "status");
    requireNonNull(data, "data");
    requireNonNull(source, "source");
    requireNonNull(age, "age");
    requireNonNull(elapsed, "elapsed");
    requireNonNull(error, "error");
    if (data.isEmpty() != (source == ValueSource.NONE)) {
      throw new IllegalArgumentException("data must be present exactly when source is not NONE");
    }
  }

  /** Returns whether the section has data a client can show. */
  public boolean usable() {
    return data.isPresent();
  }

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
}
