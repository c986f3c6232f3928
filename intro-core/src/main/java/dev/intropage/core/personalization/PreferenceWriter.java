package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

  /**
   * What became of a preferences update: stored, or why not.
   *
   * @param kind what happened
   * @param preferences the stored preferences, present exactly when applied
   * @param errors the fields that broke a rule, not empty exactly when invalid
   */
  public record PreferencesOutcome(
      Kind kind, Optional<Preferences> preferences, List<FieldError> errors) {

    /** What happened to the update. */
    public enum Kind {
      /** The update was stored. */
      APPLIED,
      /** A field broke a rule; nothing changed. */
      INVALID,
      /** The stored version was not the one expected; nothing changed. */
      VERSION_CONFLICT,
      /** The idempotency key was used before for a different request; nothing changed. */
      IDEMPOTENCY_KEY_REUSED
    }

    /**
     * Validates the outcome and copies the errors.
     *
     * @throws IllegalArgumentException if the preferences are not present exactly when applied, or
     *     errors are not given exactly when invalid
     */
    public PreferencesOutcome {
      requireNonNull(kind, "kind");
      requireNonNull(preferences, "preferences");
      errors = List.copyOf(errors);
      if (preferences.isPresent() != (kind == Kind.APPLIED)) {
        throw new IllegalArgumentException("preferences must be present exactly when applied");
      }
      if (errors.isEmpty() == (kind == Kind.INVALID)) {
        throw new IllegalArgumentException("errors must be given exactly when invalid");
      }
    }

    /** Returns the outcome of a stored update. */
    public static PreferencesOutcome applied(Preferences preferences) {
      return new PreferencesOutcome(Kind.APPLIED, Optional.of(preferences), List.of());
    }

    /** Returns the outcome of an update that broke rules. */
    public static PreferencesOutcome invalid(List<FieldError> errors) {
      return new PreferencesOutcome(Kind.INVALID, Optional.empty(), errors);
    }

    /** Returns the outcome of an update made against another version. */
    public static PreferencesOutcome versionConflict() {
      return new PreferencesOutcome(Kind.VERSION_CONFLICT, Optional.empty(), List.of());
    }

    /** Returns the outcome for an idempotency key used before with another request. */
    public static PreferencesOutcome keyReused() {
      return new PreferencesOutcome(Kind.IDEMPOTENCY_KEY_REUSED, Optional.empty(), List.of());
    }
  }

  /**
   * One broken rule in a preference update.
   *
   * @param field the update's field, such as {@code "hiddenSections"}
   * @param reason what is wrong, in plain words
   */
  public record FieldError(String field, String reason) {
    /** Validates the error. */
    public FieldError {
      requireNonNull(field, "field");
      requireNonNull(reason, "reason");
    }
  }
}
