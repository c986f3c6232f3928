package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.PageLayout;
import dev.intropage.core.Section;
import dev.intropage.core.SectionKey;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The personalization section's value: how the page greets the viewer and how it is arranged.
 *
 * @param greeting the greeting line, such as {@code "Good morning, Ada"}
 * @param theme the theme to show the page in
 * @param density the spacing to show the page with
 * @param layout which sections are shown, in which order
 * @param zone the time zone the page uses: the preference, else the profile's
 * @param locale the locale the page uses: the preference, else the profile's
 * @param version the stored preferences' version, 0 when none are stored
 */
public record Personalization(
    String greeting,
    Theme theme,
    Density density,
    Layout layout,
    ZoneId zone,
    Locale locale,
    long version) {
  /** The section's key: greeting, theme, density and the layout of the page. */
  public static final SectionKey<Personalization> KEY =
      SectionKey.of("personalization", Personalization.class);

  /** The layout the viewer's preferences decide: their order, without the sections they hide. */
  public static final PageLayout<Personalization> LAYOUT =
      PageLayout.of(KEY, personalization -> personalization.layout().order());

  /**
   * Returns the personalization section over the stored preferences, with its default policy; its
   * default shows every section, and a cached value greets the viewer for the hour it is served.
   */
  public static Section<Personalization> section(PreferenceRepository preferences) {
    PersonalizationSection section = new PersonalizationSection(preferences);
    return Section.of(KEY, section::load, PersonalizationSection.POLICY)
        .withFallback(PersonalizationSection::defaults)
        .servedAs(
            (cached, context) -> cached.greetedAt(context.viewer().displayName(), context.now()));
  }

  /**
   * Validates the value.
   *
   * @throws IllegalArgumentException if the version is negative
   */
  public Personalization {
    requireNonNull(greeting, "greeting");
    requireNonNull(theme, "theme");
    requireNonNull(density, "density");
    requireNonNull(layout, "layout");
    requireNonNull(zone, "zone");
    requireNonNull(locale, "locale");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }

  /**
   * Returns a copy greeting the user for another moment: the greeting depends on the hour, so a
   * cached value is greeted again when it is served.
   */
  public Personalization greetedAt(String displayName, Instant now) {
    String again = Greeting.of(displayName, now, zone, locale);
    return again.equals(greeting)
        ? this
        : new Personalization(again, theme, density, layout, zone, locale, version);
  }

  /**
   * Which sections the page shows, in which order.
   *
   * @param order the visible section keys in display order, each once
   * @param hidden the known section keys that are not shown
   */
  public record Layout(List<String> order, Set<String> hidden) {

    /**
     * Validates the layout and copies the collections.
     *
     * @throws IllegalArgumentException if a key appears twice in the order, or both in the order
     *     and among the hidden keys
     */
    public Layout {
      order = List.copyOf(order);
      hidden = Set.copyOf(hidden);
      Set<String> seen = new HashSet<>();
      for (String key : order) {
        if (!seen.add(key) || hidden.contains(key)) {
          throw new IllegalArgumentException("section '" + key + "' is listed twice or hidden");
        }
      }
    }
  }
}
