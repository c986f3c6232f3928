package dev.intropage.core.model;

import static java.util.Objects.requireNonNull;

import java.io.Serial;

/**
 * Input that breaks a rule of the domain: names the field and says why, so that an adapter can
 * answer with a precise error instead of a stack trace.
 */
public class InvalidInputException extends IntroPageException {
  @Serial private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param field the name of the offending input, as the caller spelled it
   * @param reason what is wrong with it, in plain words
   */
  public InvalidInputException(String field, String reason) {
    super(requireNonNull(field, "field") + ": " + requireNonNull(reason, "reason"));
    this.field = field;
    this.reason = reason;
  }

  /** Returns the name of the offending input. */
  public String field() {
    return field;
  }

  /** Returns what is wrong with the input. */
  public String reason() {
    return reason;
  }
}
