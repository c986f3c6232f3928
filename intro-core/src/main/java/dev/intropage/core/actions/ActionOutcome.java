package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What became of a write to an action item: applied, or why not. A repeated idempotency key returns
 * the first outcome again.
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
   * @throws IllegalArgumentException if the item is not present exactly when applied, or the reason
   *     not exactly when rejected
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
