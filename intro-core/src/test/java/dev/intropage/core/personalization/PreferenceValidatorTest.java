package dev.intropage.core.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.PreferenceWriter.FieldError;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreferenceValidatorTest {
  private static final Set<String> KNOWN = Set.of("stats", "system", "actions", "activity");
  private static final Set<String> REQUIRED = Set.of("system");

  @Test
  void validate_emptyUpdate_hasNoErrors() {
    assertThat(PreferenceValidator.validate(PreferenceUpdate.empty(), KNOWN, REQUIRED)).isEmpty();
  }

  @Test
  void validate_validFullUpdate_hasNoErrors() {
    PreferenceUpdate update =
        new PreferenceUpdate(
            Optional.of(Theme.DARK),
            Optional.of(Density.COMPACT),
            Optional.of(List.of("activity", "stats")),
            Optional.of(Set.of("actions")),
            Optional.of("Europe/Paris"),
            Optional.of("fr-CA"));

    assertThat(PreferenceValidator.validate(update, KNOWN, REQUIRED)).isEmpty();
  }

  @Test
  void validate_unknownSectionInOrder_namesFieldAndKey() {
    assertThat(validate(order(List.of("stats", "weather"))))
        .containsExactly(new FieldError("sectionOrder", "unknown section 'weather'"));
  }

  @Test
  void validate_duplicateInOrder_isAnError() {
    assertThat(validate(order(List.of("stats", "activity", "stats"))))
        .containsExactly(new FieldError("sectionOrder", "lists 'stats' twice"));
  }

  @Test
  void validate_orderLongerThanFifty_isAnError() {
    List<String> order = Collections.nCopies(51, "stats");

    assertThat(validate(order(order)))
        .contains(new FieldError("sectionOrder", "must have at most 50 entries"));
  }

  @Test
  void validate_unknownHiddenSection_namesFieldAndKey() {
    assertThat(validate(hidden(Set.of("weather"))))
        .containsExactly(new FieldError("hiddenSections", "unknown section 'weather'"));
  }

  @Test
  void validate_hidingRequiredSection_isAnError() {
    assertThat(validate(hidden(Set.of("system", "stats"))))
        .containsExactly(
            new FieldError("hiddenSections", "section 'system' is required and cannot be hidden"));
  }

  @Test
  void validate_zone_acceptsRegionIdsAndOffsets_rejectsTheRest() {
    for (String zone : List.of("Europe/Paris", "UTC", "Z", "+05:30", "UTC+01:00")) {
      assertThat(validate(zone(zone))).as(zone).isEmpty();
    }
    for (String zone : List.of("Mars/Olympus", "+25:00", "", "europe paris")) {
      assertThat(validate(zone(zone)))
          .as(zone)
          .extracting(FieldError::field)
          .containsExactly("zone");
    }
  }

  @Test
  void validate_locale_acceptsWellFormedTags_rejectsTheRest() {
    for (String tag : List.of("en", "fr-CA", "de-CH", "zh-Hant-TW", "es-419", "en-us")) {
      assertThat(validate(locale(tag))).as(tag).isEmpty();
    }
    for (String tag : List.of("", "en_US", "x-private", "123", "english!", "en-")) {
      assertThat(validate(locale(tag)))
          .as(tag)
          .extracting(FieldError::field)
          .containsExactly("locale");
    }
  }

  @Test
  void apply_changesOnlyPresentFields_andBumpsVersion() {
    Preferences current =
        new Preferences(
            UserId.of("ada"),
            Optional.of(Theme.LIGHT),
            Optional.of(Density.COMPACT),
            List.of("stats"),
            Set.of("actions"),
            Optional.of(ZoneOffset.UTC),
            Optional.of(Locale.GERMAN),
            7);
    PreferenceUpdate update =
        new PreferenceUpdate(
            Optional.of(Theme.DARK),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Set.of()),
            Optional.of("America/New_York"),
            Optional.empty());

    Preferences applied = PreferenceValidator.apply(current, update);

    assertThat(applied)
        .isEqualTo(
            new Preferences(
                UserId.of("ada"),
                Optional.of(Theme.DARK),
                Optional.of(Density.COMPACT),
                List.of("stats"),
                Set.of(),
                Optional.of(ZoneId.of("America/New_York")),
                Optional.of(Locale.GERMAN),
                8));
  }

  @Test
  void apply_toNone_setsEveryPresentField() {
    PreferenceUpdate update =
        new PreferenceUpdate(
            Optional.empty(),
            Optional.of(Density.COMPACT),
            Optional.of(List.of("activity")),
            Optional.empty(),
            Optional.empty(),
            Optional.of("fr-CA"));

    Preferences applied = PreferenceValidator.apply(Preferences.none(UserId.of("bob")), update);

    assertThat(applied.version()).isEqualTo(1);
    assertThat(applied.density()).contains(Density.COMPACT);
    assertThat(applied.sectionOrder()).containsExactly("activity");
    assertThat(applied.locale()).contains(Locale.CANADA_FRENCH);
    assertThat(applied.theme()).isEmpty();
    assertThat(applied.zone()).isEmpty();
  }

  @Test
  void apply_unparsableZoneOrLocale_isInvalidInput() {
    Preferences none = Preferences.none(UserId.of("bob"));

    assertThatThrownBy(() -> PreferenceValidator.apply(none, zone("Nowhere/Land")))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("zone"));
    assertThatThrownBy(() -> PreferenceValidator.apply(none, locale("en_US")))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("locale"));
  }

  @Test
  void preferences_negativeVersion_isRejected() {
    assertThatThrownBy(
            () ->
                new Preferences(
                    UserId.of("ada"),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Set.of(),
                    Optional.empty(),
                    Optional.empty(),
                    -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<FieldError> validate(PreferenceUpdate update) {
    return PreferenceValidator.validate(update, KNOWN, REQUIRED);
  }

  private static PreferenceUpdate order(List<String> order) {
    return new PreferenceUpdate(
        Optional.empty(),
        Optional.empty(),
        Optional.of(order),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static PreferenceUpdate hidden(Set<String> hidden) {
    return new PreferenceUpdate(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(hidden),
        Optional.empty(),
        Optional.empty());
  }

  private static PreferenceUpdate zone(String zone) {
    return new PreferenceUpdate(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(zone),
        Optional.empty());
  }

  private static PreferenceUpdate locale(String tag) {
    return new PreferenceUpdate(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(tag));
  }
}
