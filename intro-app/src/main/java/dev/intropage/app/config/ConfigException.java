package dev.intropage.app.config;

import dev.intropage.core.model.IntroPageException;
import java.io.Serial;

/** A configuration value is missing, malformed or contradicts another; names the key. */
public final class ConfigException extends IntroPageException {
  @Serial private static final long serialVersionUID = 1L;

  private final String key;

  ConfigException(String key, String reason) {
    super(key + ": " + reason);
    this.key = key;
  }

  /** Returns the configuration key at fault. */
  public String key() {
    return key;
  }
}
