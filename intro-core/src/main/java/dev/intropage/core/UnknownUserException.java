package dev.intropage.core;

import dev.intropage.core.model.IntroPageException;
import dev.intropage.core.model.UserId;
import java.io.Serial;

/** The user repository has no user with the requested id. */
public final class UnknownUserException extends IntroPageException {
  @Serial private static final long serialVersionUID = 1L;

  private final String userId;

  UnknownUserException(UserId userId) {
    super("no user '" + userId.value() + "'");
    this.userId = userId.value();
  }

  /** Returns the id that was not found. */
  public String userId() {
    return userId;
  }
}
