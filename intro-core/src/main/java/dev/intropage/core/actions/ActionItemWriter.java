package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Completes, dismisses and snoozes a user's action items (driving port). {@link #over} returns
 * core's implementation: it decides whether the command is allowed, checks the item's version
 * optimistically, and answers a repeated idempotency key with the first outcome; the store it is
 * given only loads and stores. A refused write changes nothing.
 *
 * {@snippet :
 * ActionItemWriter writer = ActionItemWriter.over(store, clock);
 * ActionOutcome outcome = writer.act(ada, "item-1", new ActionCommand.Complete(), 3, key);
 * }
 */
@FunctionalInterface
public interface ActionItemWriter {
  /**
   * Applies a command to one of the owner's items.
   *
   * @param owner whose item
   * @param itemId the item
   * @param command what to do
   * @param expectedVersion the version the caller last saw
   * @param idempotencyKey the caller's key for this request; the same key returns the same outcome
   * @throws IllegalArgumentException if the key is blank or longer than 255 characters
   */
  ActionOutcome act(
      UserId owner,
      String itemId,
      ActionCommand command,
      long expectedVersion,
      String idempotencyKey);

  /**
   * Returns the use case over a store: each command in one of the store's transactions, decided by
   * the item rules, and recorded under its key only when applied. Thread-safe when the store is.
   *
   * @param store loads and stores the items, the rollup and the idempotency records
   * @param clock the time of each command, against which snoozes are checked
   * @throws NullPointerException if an argument is null
   */
  static ActionItemWriter over(ActionItemStore store, Clock clock) {
    return new ActionItemService(store, clock);
  }

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

  /**
   * What became of a write to an action item: applied, or why not. A repeated idempotency key
   * returns the first outcome again.
   *
   * @param kind what happened
   * @param item the item after the change, present exactly when applied
   * @param reason why the rules refused the command, present exactly when rejected
   * @param message a plain explanation safe to show to the user
   */
  public record ActionOutcome(
      Kind kind, Optional<ActionItem> item, Optional<RejectionReason> reason, String message) {

    /** What happened to the command. */
    public enum Kind {
      /** The change was stored. */
      APPLIED,
      /** The user has no item with that id. */
      NOT_FOUND,
      /** The rules or the version check refused it; nothing changed. */
      REJECTED,
      /** The idempotency key was used before for a different request; nothing changed. */
      IDEMPOTENCY_KEY_REUSED
    }

    /**
     * Validates the outcome.
     *
     * @throws IllegalArgumentException if the item is not present exactly when applied, or the
     *     reason not exactly when rejected
     */
    public ActionOutcome {
      requireNonNull(kind, "kind");
      requireNonNull(item, "item");
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
      if (item.isPresent() != (kind == Kind.APPLIED)) {
        throw new IllegalArgumentException("item must be present exactly when applied");
      }
      if (reason.isPresent() != (kind == Kind.REJECTED)) {
        throw new IllegalArgumentException("reason must be present exactly when rejected");
      }
    }

    /** Returns the outcome of an applied change. */
    public static ActionOutcome applied(ActionItem item) {
      return new ActionOutcome(Kind.APPLIED, Optional.of(item), Optional.empty(), "Done.");
    }

    /** Returns the outcome of a command the rules refused. */
    public static ActionOutcome rejected(RejectionReason reason, String message) {
      return new ActionOutcome(Kind.REJECTED, Optional.empty(), Optional.of(reason), message);
    }

    /** Returns the outcome for an item the user does not have. */
    public static ActionOutcome notFound(String itemId) {
      return new ActionOutcome(
          Kind.NOT_FOUND, Optional.empty(), Optional.empty(), "No action item '" + itemId + "'.");
    }

    /** Returns the outcome for an idempotency key used before with another request. */
    public static ActionOutcome keyReused() {
      return new ActionOutcome(
          Kind.IDEMPOTENCY_KEY_REUSED,
          Optional.empty(),
          Optional.empty(),
          "This Idempotency-Key was used for a different request.");
    }

    /** Returns the outcome a transition result stands for. */
    static ActionOutcome of(TransitionResult result) {
      if (result instanceof TransitionResult.Applied applied) {
        return applied(applied.item());
      }
      TransitionResult.Rejected rejected = (TransitionResult.Rejected) result;
      return rejected(rejected.reason(), rejected.message());
    }
  }

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
}
