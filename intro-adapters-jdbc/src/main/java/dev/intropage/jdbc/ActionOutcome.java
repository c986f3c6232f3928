package dev.intropage.jdbc;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.RejectionReason;

/**
 * What {@link JdbcAdapters#act} did: the item after the change, or why nothing changed. Never a
 * database exception for a request the schema can answer.
 */
sealed interface ActionOutcome permits ActionOutcome.Applied, ActionOutcome.Rejected {

  /** Why an action was refused; REST maps {@link #VERSION_CONFLICT} to 409, the rest to 4xx. */
  enum Reason {
    /** No such item, or it belongs to another user. */
    NOT_FOUND,
    /** The item's version is not the expected one: someone else changed it. */
    VERSION_CONFLICT,
    /** The item is already completed or dismissed. */
    NOT_OPEN,
    /** The snooze would end now or in the past. */
    SNOOZE_NOT_IN_FUTURE,
    /** The snooze would end too far ahead. */
    SNOOZE_TOO_FAR,
    /** The idempotency key was used before for a different request. */
    IDEMPOTENCY_KEY_REUSED;

    static Reason of(RejectionReason reason) {
      return switch (reason) {
        case NOT_OPEN -> NOT_OPEN;
        case SNOOZE_NOT_IN_FUTURE -> SNOOZE_NOT_IN_FUTURE;
        case SNOOZE_TOO_FAR -> SNOOZE_TOO_FAR;
        case VERSION_CONFLICT -> VERSION_CONFLICT;
      };
    }
  }

  /**
   * The action was applied and committed.
   *
   * @param item the item as stored after the change
   * @param replayed whether this is the stored outcome of an earlier request with the same
   *     idempotency key, rather than a change made now
   */
  record Applied(ActionItem item, boolean replayed) implements ActionOutcome {
    /** Checks that the item is given. */
    public Applied {
      requireNonNull(item, "item");
    }
  }

  /**
   * The action was refused and nothing changed.
   *
   * @param reason why
   * @param message a plain explanation safe to show to the user
   */
  record Rejected(Reason reason, String message) implements ActionOutcome {
    /** Checks that the reason and message are given. */
    public Rejected {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }
  }
}
