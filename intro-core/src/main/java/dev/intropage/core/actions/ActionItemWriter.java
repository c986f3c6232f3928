package dev.intropage.core.actions;

import dev.intropage.core.model.UserId;

/**
 * Completes, dismisses and snoozes a user's action items (driven port). Implementations apply
 * {@link ActionTransitions} in one transaction with an optimistic version check, store the outcome
 * under the idempotency key, and return the stored outcome when the same key comes again with the
 * same request. A refused write changes nothing.
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
   */
  ActionOutcome act(
      UserId owner,
      String itemId,
      ActionCommand command,
      long expectedVersion,
      String idempotencyKey);
}
