package dev.intropage.core.actions;

/** Why the item rules refused a command; see {@link ActionItemWriter}. */
public enum RejectionReason {
  /** The item is already completed or dismissed. */
  NOT_OPEN,
  /** The snooze would end now or in the past. */
  SNOOZE_NOT_IN_FUTURE,
  /** The snooze would end more than 90 days from now. */
  SNOOZE_TOO_FAR,
  /** The caller's version is not the item's current version: someone else changed it. */
  VERSION_CONFLICT
}
