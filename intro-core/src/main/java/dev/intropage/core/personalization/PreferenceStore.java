package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads and stores users' preferences for the update use case (driven port), one transaction at a
 * time. It decides nothing: validation, the version check and what a repeated idempotency key means
 * are decided by {@link PreferenceWriter#over}. Implementations must be thread-safe.
 *
 * {@snippet :
 * PreferenceWriter writer = PreferenceWriter.over(store, clock);
 * }
 */
public interface PreferenceStore {
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
    /** Returns whether the user exists. */
    boolean userExists(UserId user);

    /** Returns the user's stored preferences, or empty if they have stored none. */
    Optional<Preferences> find(UserId user);

    /** Returns the change recorded under the user's idempotency key, or empty if it has none. */
    Optional<Recorded> findRecorded(UserId user, String idempotencyKey);

    /**
     * Stores the preferences in place of the user's stored ones, if those still have the expected
     * version (0 when the user has stored none).
     *
     * @return whether it stored them; false when another transaction changed them first
     */
    boolean store(Preferences preferences, long expectedVersion);

    /**
     * Records an applied change under the user's idempotency key, unless something is recorded
     * under that key already (committed by a concurrent request).
     *
     * @param at when the change was made, for expiring old records
     * @return whether it recorded it; false when the key was taken
     */
    boolean record(UserId user, String idempotencyKey, Recorded recorded, Instant at);
  }

  /**
   * A change recorded under an idempotency key, so that a repeat of the request returns it again.
   *
   * @param requestHash identifies the request that made the change
   * @param preferences the preferences as stored after the change
   */
  record Recorded(String requestHash, Preferences preferences) {
    /** Checks that both are given. */
    public Recorded {
      requireNonNull(requestHash, "requestHash");
      requireNonNull(preferences, "preferences");
    }
  }
}
