package dev.intropage.core.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.personalization.Personalization.Layout;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalizationSectionTest {
  private static final Instant NOW = Instant.parse("2024-03-10T10:30:00Z");
  private static final List<String> DEFAULTS = List.of("stats", "system", "actions", "activity");
  private static final UserProfile ADA =
      new UserProfile(
          UserId.of("ada"),
          "Ada Lovelace",
          ZoneOffset.UTC,
          Locale.ENGLISH,
          Set.of(),
          Optional.empty());

  @Test
  void load_noStoredPreferences_usesProfileAndDefaults() {
    PersonalizationSection section = new PersonalizationSection(user -> Optional.empty());

    Personalization p = section.load(ADA, NOW, DEFAULTS, Set.of("system"));

    assertThat(p)
        .isEqualTo(
            new Personalization(
                "Good morning, Ada",
                Theme.SYSTEM,
                Density.COMFORTABLE,
                new Layout(DEFAULTS, Set.of()),
                ZoneOffset.UTC,
                Locale.ENGLISH,
                0));
  }

  @Test
  void load_storedPreferences_overrideZoneLocaleThemeDensityAndLayout() {
    Preferences stored =
        new Preferences(
            UserId.of("ada"),
            Optional.of(Theme.DARK),
            Optional.of(Density.COMPACT),
            List.of("activity"),
            Set.of("stats", "system"),
            Optional.of(ZoneId.of("Asia/Tokyo")),
            Optional.of(Locale.GERMAN),
            4);
    PersonalizationSection section =
        new PersonalizationSection(
            user -> user.equals(ADA.id()) ? Optional.of(stored) : Optional.empty());

    Personalization p = section.load(ADA, NOW, DEFAULTS, Set.of("system"));

    assertThat(p.greeting()).isEqualTo("Guten Abend, Ada");
    assertThat(p.theme()).isEqualTo(Theme.DARK);
    assertThat(p.density()).isEqualTo(Density.COMPACT);
    assertThat(p.layout())
        .isEqualTo(new Layout(List.of("activity", "system", "actions"), Set.of("stats")));
    assertThat(p.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(p.locale()).isEqualTo(Locale.GERMAN);
    assertThat(p.version()).isEqualTo(4);
  }

  @Test
  void load_preferencesWithoutZoneOrLocale_keepTheProfiles() {
    UserProfile parisian = ADA.withZone(ZoneId.of("Europe/Paris")).withLocale(Locale.FRENCH);
    PersonalizationSection section =
        new PersonalizationSection(user -> Optional.of(Preferences.none(user)));

    Personalization p = section.load(parisian, NOW, DEFAULTS, Set.of());

    assertThat(p.greeting()).isEqualTo("Bonjour, Ada");
    assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void defaults_showsEverySectionInDefaultOrder() {
    Personalization p =
        PersonalizationSection.defaults(ADA.withZone(ZoneId.of("Asia/Tokyo")), NOW, DEFAULTS);

    assertThat(p.greeting()).isEqualTo("Good evening, Ada");
    assertThat(p.layout().order()).isEqualTo(DEFAULTS);
    assertThat(p.version()).isZero();
  }

  @Test
  void personalization_negativeVersion_isRejected() {
    assertThatThrownBy(
            () ->
                new Personalization(
                    "Hi",
                    Theme.SYSTEM,
                    Density.COMFORTABLE,
                    new Layout(List.of(), Set.of()),
                    ZoneOffset.UTC,
                    Locale.ENGLISH,
                    -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
