package dev.intropage.core.personalization;

import dev.intropage.core.model.UserId;
import java.time.Clock;
import java.util.Set;

/**
 * Stores a user's preference updates (driving port). {@link #over} returns core's implementation:
 * it validates the update, checks the version optimistically, and answers a repeated idempotency
 * key with the first outcome; the store it is given only loads and stores. A refused update changes
 * nothing.
 *
 * {@snippet :
 * PreferenceWriter writer = PreferenceWriter.over(store, clock);
 * PreferencesOutcome outcome = writer.update(ada, update, 3, key, known, Set.of());
 * }
 */
@FunctionalInterface
public interface PreferenceWriter {
  /**
   * Applies an update.
   *
   * @param user whose preferences
   * @param update the fields to change
   * @param expectedVersion the version the caller last saw (0 when none are stored)
   * @param idempotencyKey the caller's key for this request
   * @param knownSections the section names the page has
   * @param requiredSections the sections that may not be hidden
   * @throws IllegalArgumentException if the key is blank or longer than 255 characters
   */
  PreferencesOutcome update(
      UserId user,
      PreferenceUpdate update,
      long expectedVersion,
      String idempotencyKey,
      Set<String> knownSections,
      Set<String> requiredSections);

  /**
   * Returns the use case over a store: each valid update in one of the store's transactions, and
   * recorded under its key only when applied. An unknown user is an invalid {@code userId}.
   * Thread-safe when the store is.
   *
   * @param store loads and stores the preferences and the idempotency records
   * @param clock the time each change is recorded at
   * @throws NullPointerException if an argument is null
   */
  static PreferenceWriter over(PreferenceStore store, Clock clock) {
    return new PreferenceService(store, clock);
  }
}
