package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The overrides a user has stored; what is absent falls back to the defaults or the profile.
 *
 * @param user whose preferences these are
 * @param theme the chosen theme, if any
 * @param density the chosen density, if any
 * @param sectionOrder the section keys the user wants first, in order; may be empty
 * @param hiddenSections the section keys the user wants hidden; may be empty
 * @param zone the time zone that overrides the profile's, if any
 * @param locale the locale that overrides the profile's, if any
 * @param version the stored version, for optimistic concurrency; 0 or more
 */
public record Preferences(
    UserId user,
    Optional<Theme> theme,
    Optional<Density> density,
    List<String> sectionOrder,
    Set<String> hiddenSections,
    Optional<ZoneId> zone,
    Optional<Locale> locale,
    long version) {

  /**
   * Validates the preferences and copies the collections.
   *
   * @throws IllegalArgumentException if the version is negative
   */
  public Preferences {
    requireNonNull(user, "user");
    requireNonNull(theme, "theme");
    requireNonNull(density, "density");
    sectionOrder = List.copyOf(sectionOrder);
    hiddenSections = Set.copyOf(hiddenSections);
    requireNonNull(zone, "zone");
    requireNonNull(locale, "locale");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }

  /** Returns the preferences of a user who has stored none: no overrides, version 0. */
  public static Preferences none(UserId user) {
    return new Preferences(
        user,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        0);
  }

  /** The colour scheme the page is shown in. */
  public enum Theme {
    /** Follows the operating system's or browser's setting. */
    SYSTEM,
    /** Dark text on a light background. */
    LIGHT,
    /** Light text on a dark background. */
    DARK
  }

  /** How much space the page puts between its items. */
  public enum Density {
    /** Generous spacing. */
    COMFORTABLE,
    /** Tight spacing, more on one screen. */
    COMPACT
  }
}
