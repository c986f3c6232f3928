package dev.intropage.core.system;

/** How much a maintenance notice affects users. */
public enum NoticeSeverity {
  /** For information; nothing stops working. */
  INFO,
  /** Some features may be slow or unavailable. */
  WARNING,
  /** The system is unavailable while the notice is active. */
  CRITICAL
}
