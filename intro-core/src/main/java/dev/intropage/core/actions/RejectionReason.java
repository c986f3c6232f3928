package dev.intropage.core.actions;

/** Why {@link ActionTransitions} refused a command. */
public enum RejectionReason {
  /** The item is already completed or dismissed. */
  NOT_OPEN,
  /** The snooze would end now or in the past. */
  SNOOZE_NOT_IN_FUTURE,
  /** The snooze would end more than {@link ActionTransitions#MAX_SNOOZE} from now. */
  SNOOZE_TOO_FAR,
  /** The caller's version is not the item's current version: someone else changed it. */
  VERSION_CONFLICT
}
