package dev.intropage.core.actions;

/** How urgent an actionable item is, most urgent first. */
public enum Priority {
  /** Needs attention before anything else. */
  CRITICAL,
  /** Important. */
  HIGH,
  /** The default. */
  NORMAL,
  /** Can wait. */
  LOW
}
