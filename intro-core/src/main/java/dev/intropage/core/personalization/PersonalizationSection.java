package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionContext;
import dev.intropage.core.SectionHealth;
import dev.intropage.core.SectionPolicy;
import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the personalization section from the viewer's stored preferences over the defaults.
 * Thread-safe if the repository is.
 */
final class PersonalizationSection {
  /** Small and read on every page before the others, so cached long and never without a value. */
  static final SectionPolicy POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(50))
          .cacheTtl(Duration.ofMinutes(5))
          .staleWhileRevalidate(Duration.ofMinutes(5))
          .maxStale(Duration.ofHours(1))
          .build();

  private final PreferenceRepository repository;

  /** Creates the section over the store of preferences. */
  PersonalizationSection(PreferenceRepository repository) {
    this.repository = requireNonNull(repository, "repository");
  }

  /** Loads the viewer's personalization over the other sections of the engine. */
  Personalization load(SectionContext context) {
    List<String> order = new ArrayList<>();
    Set<String> required = new HashSet<>();
    for (SectionHealth section : context.sections()) {
      if (!section.section().equals(Personalization.KEY.name())) {
        order.add(section.section());
        if (section.criticality() == Criticality.REQUIRED) {
          required.add(section.section());
        }
      }
    }
    return load(context.viewer(), context.now(), order, required);
  }

  /** The personalization of a viewer without stored preferences, showing every other section. */
  static Personalization defaults(SectionContext context) {
    List<String> order = new ArrayList<>();
    for (SectionHealth section : context.sections()) {
      if (!section.section().equals(Personalization.KEY.name())) {
        order.add(section.section());
      }
    }
    return defaults(context.viewer(), context.now(), order);
  }

  /**
   * Returns the viewer's personalization: stored overrides where there are some, else the profile's
   * zone and locale, theme {@link Theme#SYSTEM}, density {@link Density#COMFORTABLE} and the
   * default order.
   *
   * @param viewer who is looking
   * @param now the moment of the request, for the greeting
   * @param defaultOrder every known section key, in default order
   * @param required the section keys that can never be hidden
   */
  Personalization load(
      UserProfile viewer, Instant now, List<String> defaultOrder, Set<String> required) {
    requireNonNull(viewer, "viewer");
    return resolve(viewer, now, defaultOrder, required, repository.find(viewer.id()));
  }

  /**
   * Returns the personalization of a viewer without stored preferences, for when no repository is
   * configured: the profile's zone and locale, default theme and density, every section shown in
   * default order.
   */
  static Personalization defaults(UserProfile viewer, Instant now, List<String> defaultOrder) {
    return resolve(viewer, now, defaultOrder, Set.of(), Optional.empty());
  }

  private static Personalization resolve(
      UserProfile viewer,
      Instant now,
      List<String> defaultOrder,
      Set<String> required,
      Optional<Preferences> preferences) {
    ZoneId zone = preferences.flatMap(Preferences::zone).orElse(viewer.zone());
    Locale locale = preferences.flatMap(Preferences::locale).orElse(viewer.locale());
    return new Personalization(
        Greeting.of(viewer.displayName(), now, zone, locale),
        preferences.flatMap(Preferences::theme).orElse(Theme.SYSTEM),
        preferences.flatMap(Preferences::density).orElse(Density.COMFORTABLE),
        LayoutResolver.resolve(defaultOrder, required, preferences),
        zone,
        locale,
        preferences.map(Preferences::version).orElse(0L));
  }
}
