package dev.intropage.rest;

import dev.intropage.core.model.IntroPageException;
import java.io.Serial;

/** A bearer token was missing, malformed, badly signed, expired or for someone else. */
public final class InvalidTokenException extends IntroPageException {
  @Serial private static final long serialVersionUID = 1L;

  /** Creates the exception with a reason safe to show to the caller. */
  public InvalidTokenException(String reason) {
    super(reason);
  }

  /** Creates the exception with a reason safe to show, and the underlying failure. */
  public InvalidTokenException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
