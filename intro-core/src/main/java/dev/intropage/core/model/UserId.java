package dev.intropage.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * The opaque id of a user in the host system: 1 to 128 characters of {@code [A-Za-z0-9._@:-]}, and
 * not one of the reserved words {@code metrics} and {@code cache}.
 *
 * @param value the id as the host system spells it
 */
public record UserId(String value) implements Comparable<UserId> {
  private static final Set<String> RESERVED = Set.of("metrics", "cache");

  /**
   * Validates the id.
   *
   * @throws InvalidInputException if the id has a character outside the allowed set, is empty,
   *     longer than 128 characters, or reserved
   */
  public UserId {
    requireNonNull(value, "value");
    if (!valid(value)) {
      throw new InvalidInputException(
          "userId", "must be 1 to 128 characters of letters, digits and . _ @ : -");
    }
    if (RESERVED.contains(value)) {
      throw new InvalidInputException("userId", "'" + value + "' is a reserved word");
    }
  }

  /** {@code [A-Za-z0-9._@:-]{1,128}}, checked by hand: every request makes a user id. */
  private static boolean valid(String value) {
    int length = value.length();
    if (length < 1 || length > 128) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '@'
              || c == ':'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the id for a string.
   *
   * @throws InvalidInputException as the constructor does
   */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
