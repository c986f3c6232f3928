package dev.intropage.core.personalization;

/** The colour scheme the page is shown in. */
public enum Theme {
  /** Follows the operating system's or browser's setting. */
  SYSTEM,
  /** Dark text on a light background. */
  LIGHT,
  /** Light text on a dark background. */
  DARK
}
