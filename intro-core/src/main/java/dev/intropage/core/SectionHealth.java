package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy.Criticality;
import java.time.Instant;
import java.util.Optional;

/**
 * The health of one section across all pages of this engine.
 *
 * @param section the section's name
 * @param criticality how much pages depend on it
 * @param breaker the state of its circuit breaker
 * @param lastSuccess when its source last answered, if ever
 * @param lastFailure when its source last failed or timed out, if ever
 * @param lastErrorCode the code of the last failure, if any
 */
public record SectionHealth(
    String section,
    Criticality criticality,
    BreakerState breaker,
    Optional<Instant> lastSuccess,
    Optional<Instant> lastFailure,
    Optional<String> lastErrorCode) {
  /** Validates the health record. */
  public SectionHealth {
    requireNonNull(section, "section");
    requireNonNull(criticality, "criticality");
    requireNonNull(breaker, "breaker");
    requireNonNull(lastSuccess, "lastSuccess");
    requireNonNull(lastFailure, "lastFailure");
    requireNonNull(lastErrorCode, "lastErrorCode");
  }

  /** The state of a section's circuit breaker. */
  public enum BreakerState {
    /** Calls pass. */
    CLOSED,
    /** Calls are refused until the breaker's delay has passed. */
    OPEN,
    /** Trial calls pass; their outcome closes or reopens the breaker. */
    HALF_OPEN
  }
}
