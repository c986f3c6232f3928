package dev.intropage.jdbc;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.personalization.FieldError;
import dev.intropage.core.personalization.Preferences;
import java.util.List;

/**
 * What {@link JdbcAdapters#updatePreferences} did: the stored preferences, or why nothing changed.
 */
sealed interface PreferencesOutcome
    permits PreferencesOutcome.Updated, PreferencesOutcome.Invalid, PreferencesOutcome.Rejected {

  /** Why an update was refused although it was valid. */
  enum Reason {
    /** The stored version is not the expected one (HTTP 412 with {@code If-Match}). */
    VERSION_CONFLICT,
    /** The idempotency key was used before for a different request. */
    IDEMPOTENCY_KEY_REUSED,
    /** The user does not exist. */
    UNKNOWN_USER
  }

  /**
   * The update was stored.
   *
   * @param preferences the preferences as stored, with the new version
   * @param replayed whether this is the stored outcome of an earlier request with the same key
   */
  record Updated(Preferences preferences, boolean replayed) implements PreferencesOutcome {
    /** Checks that the preferences are given. */
    public Updated {
      requireNonNull(preferences, "preferences");
    }
  }

  /**
   * The update breaks rules; nothing was stored.
   *
   * @param errors every broken rule, at least one
   */
  record Invalid(List<FieldError> errors) implements PreferencesOutcome {
    /**
     * Copies the errors.
     *
     * @throws IllegalArgumentException if there are none
     */
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("errors must not be empty");
      }
    }
  }

  /**
   * The update was refused; nothing was stored.
   *
   * @param reason why
   * @param message a plain explanation safe to show to the user
   */
  record Rejected(Reason reason, String message) implements PreferencesOutcome {
    /** Checks that the reason and message are given. */
    public Rejected {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }
  }
}
