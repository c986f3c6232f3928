package dev.intropage.core;

/** The state of a section's circuit breaker. */
public enum BreakerState {
  /** Calls pass. */
  CLOSED,
  /** Calls are refused until the breaker's delay has passed. */
  OPEN,
  /** Trial calls pass; their outcome closes or reopens the breaker. */
  HALF_OPEN
}
