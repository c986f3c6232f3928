package dev.intropage.app.config;

/** How callers authenticate. */
public enum AuthMode {
  /**
   * Tokens minted by {@code POST /api/v1/dev/token} with a random per-process secret; loopback
   * only.
   */
  DEV,
  /** Tokens from the existing auth system, checked against a configured key. */
  JWT
}
