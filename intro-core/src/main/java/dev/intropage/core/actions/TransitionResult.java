package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;

/** The outcome of applying an {@link ActionCommand}: the changed item, or why nothing changed. */
sealed interface TransitionResult permits TransitionResult.Applied, TransitionResult.Rejected {

  /**
   * The command was allowed.
   *
   * @param item the item after the change, to be stored
   */
  record Applied(ActionItem item) implements TransitionResult {
    /** Checks that the item is given. */
    public Applied {
      requireNonNull(item, "item");
    }
  }

  /**
   * The command was refused and nothing changed.
   *
   * @param reason why, for adapters to map (a version conflict to 409 or 412, the rest to 422)
   * @param message a plain explanation safe to show to the user; not blank
   */
  record Rejected(RejectionReason reason, String message) implements TransitionResult {
    /**
     * Validates the rejection.
     *
     * @throws IllegalArgumentException if the message is blank
     */
    public Rejected {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
      if (message.isBlank()) {
        throw new IllegalArgumentException("message must not be blank");
      }
    }
  }
}
