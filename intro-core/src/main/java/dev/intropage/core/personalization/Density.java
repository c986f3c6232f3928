package dev.intropage.core.personalization;

/** How much space the page puts between its items. */
public enum Density {
  /** Generous spacing. */
  COMFORTABLE,
  /** Tight spacing, more on one screen. */
  COMPACT
}
