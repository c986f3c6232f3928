package dev.intropage.core.system;

/** How a component of the system is doing. */
public enum ComponentState {
  /** Working normally. */
  UP,
  /** Working, but slowly or partly. */
  DEGRADED,
  /** Not working. */
  DOWN,
  /** Taken offline on purpose. */
  MAINTENANCE,
  /** Not known, for example because its check did not answer. */
  UNKNOWN
}
