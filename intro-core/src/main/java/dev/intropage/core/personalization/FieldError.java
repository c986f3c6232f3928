package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

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
