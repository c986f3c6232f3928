package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A change to a user's preferences as a client sends it: each present field replaces the stored
 * value, each absent one leaves it alone. Zone and locale are raw strings, checked by {@link
 * PreferenceWriter}.
 *
 * @param theme the new theme, if it changes
 * @param density the new density, if it changes
 * @param sectionOrder the new section order, if it changes
 * @param hiddenSections the new hidden sections, if they change
 * @param zone the new time zone id, such as {@code "Europe/Paris"} or {@code "+02:00"}, if it
 *     changes
 * @param locale the new locale as a BCP 47 tag, such as {@code "fr-CA"}, if it changes
 */
public record PreferenceUpdate(
    Optional<Theme> theme,
    Optional<Density> density,
    Optional<List<String>> sectionOrder,
    Optional<Set<String>> hiddenSections,
    Optional<String> zone,
    Optional<String> locale) {

  /** Validates the update and copies the collections. */
  public PreferenceUpdate {
    requireNonNull(theme, "theme");
    requireNonNull(density, "density");
    sectionOrder = sectionOrder.map(List::copyOf);
    hiddenSections = hiddenSections.map(Set::copyOf);
    requireNonNull(zone, "zone");
    requireNonNull(locale, "locale");
  }

  /** Returns an update that changes nothing. */
  public static PreferenceUpdate empty() {
    return new PreferenceUpdate(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
