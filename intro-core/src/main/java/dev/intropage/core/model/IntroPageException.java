package dev.intropage.core.model;

import java.io.Serial;

/**
 * The root of every exception Intro Page throws on purpose; catch it to handle them all.
 *
 * <p>Subclasses carry the context a caller needs (the section, the field, the reason) as accessors,
 * so that adapters can map them without parsing messages.
 */
public class IntroPageException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** Creates an exception with a plain message. */
  public IntroPageException(String message) {
    super(message);
  }

  /** Creates an exception with a plain message and the failure that caused it. */
  public IntroPageException(String message, Throwable cause) {
    super(message, cause);
  }
}
