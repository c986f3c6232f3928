package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A change the user asks for on one actionable item; {@link ActionItemWriter} decides it. */
public sealed interface ActionCommand
    permits ActionCommand.Complete, ActionCommand.Dismiss, ActionCommand.Snooze {

  /** Marks an open item as done. */
  record Complete() implements ActionCommand {}

  /** Closes an open item without doing it. */
  record Dismiss() implements ActionCommand {}

  /**
   * Hides an open item until a later time.
   *
   * @param until when the item shows again
   */
  record Snooze(Instant until) implements ActionCommand {
    /** Checks that the time is given. */
    public Snooze {
      requireNonNull(until, "until");
    }
  }
}
