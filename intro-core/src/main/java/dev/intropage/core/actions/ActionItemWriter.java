package dev.intropage.core.actions;

import dev.intropage.core.model.UserId;
import java.time.Clock;

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
}
