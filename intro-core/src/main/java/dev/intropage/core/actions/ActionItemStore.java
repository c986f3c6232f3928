package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads and stores action items for the write use cases (driven port), one transaction at a time.
 * It decides nothing: which commands are allowed, whether a version still matches and what a
 * repeated idempotency key means are decided by {@link ActionItemWriter#over}. Implementations must
 * be thread-safe.
 *
 * {@snippet :
 * ActionItemWriter writer = ActionItemWriter.over(store, clock);
 * }
 */
public interface ActionItemStore {
  /**
   * Runs the work in one transaction: what it stored is committed when it returns, and all of it is
   * rolled back when it throws (the exception then propagates unchanged). Reads inside the work see
   * what other transactions have committed, at least by the time a write of the work fails its
   * check.
   *
   * @param work what to read and write; the transaction is valid only while it runs
   * @return what the work returned
   */
  <T> T inTransaction(Function<Transaction, T> work);

  /** What one transaction can read and write. Not thread-safe; used by one thread. */
  interface Transaction {
    /** Returns the owner's item with that id, or empty if the owner has none. */
    Optional<ActionItem> find(UserId owner, String itemId);

    /** Returns the change recorded under the owner's idempotency key, or empty if it has none. */
    Optional<Recorded> findRecorded(UserId owner, String idempotencyKey);

    /**
     * Stores the item in place of the owner's stored one, if that one still has the expected
     * version.
     *
     * @return whether it stored it; false when another transaction changed the item first
     */
    boolean store(ActionItem item, long expectedVersion);

    /**
     * Adds one completed item to the owner's daily rollup, on the owner's local day at that time.
     */
    void countCompletion(UserId owner, Instant at);

    /**
     * Records an applied change under the owner's idempotency key, unless something is recorded
     * under that key already (committed by a concurrent request).
     *
     * @param at when the change was made, for expiring old records
     * @return whether it recorded it; false when the key was taken
     */
    boolean record(UserId owner, String idempotencyKey, Recorded recorded, Instant at);
  }

  /**
   * A change recorded under an idempotency key, so that a repeat of the request returns it again.
   *
   * @param requestHash identifies the request that made the change
   * @param item the item as stored after the change
   */
  record Recorded(String requestHash, ActionItem item) {
    /** Checks that both are given. */
    public Recorded {
      requireNonNull(requestHash, "requestHash");
      requireNonNull(item, "item");
    }
  }
}
