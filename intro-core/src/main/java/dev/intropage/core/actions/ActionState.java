package dev.intropage.core.actions;

/** Where an actionable item is in its life: open, or closed one of two ways. */
public enum ActionState {
  /** Still to do; shown unless snoozed. */
  OPEN,
  /** Done by the user. */
  COMPLETED,
  /** Declined by the user without doing it. */
  DISMISSED
}
