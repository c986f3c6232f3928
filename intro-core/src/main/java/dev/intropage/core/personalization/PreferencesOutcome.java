package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

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
