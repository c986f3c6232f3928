package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.personalization.PreferenceWriter.FieldError;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks preference updates against the rules and applies valid ones: the rules of the update use
 * case. Stateless.
 */
final class PreferenceValidator {
  /** The most entries a section order may have. */
  static final int MAX_SECTION_ORDER = 50;

  private PreferenceValidator() {}

  /**
   * Returns every rule the update breaks, or an empty list if it may be applied: section keys must
   * be known, the order must hold each key once and at most {@value #MAX_SECTION_ORDER} entries, a
   * required section cannot be hidden, the zone must be a region id or an offset, and the locale a
   * well-formed BCP 47 tag with a language.
   *
   * @param update the change a client asks for
   * @param knownSections the section keys the page has
   * @param required the section keys that can never be hidden
   */
  static List<FieldError> validate(
      PreferenceUpdate update, Set<String> knownSections, Set<String> required) {
    requireNonNull(update, "update");
    requireNonNull(knownSections, "knownSections");
    requireNonNull(required, "required");
    List<FieldError> errors = new ArrayList<>();
    update
        .sectionOrder()
        .ifPresent(
            order -> {
              if (order.size() > MAX_SECTION_ORDER) {
                errors.add(
                    new FieldError(
                        "sectionOrder", "must have at most " + MAX_SECTION_ORDER + " entries"));
              }
              Set<String> seen = new HashSet<>();
              Set<String> duplicates = new LinkedHashSet<>();
              for (String key : order) {
                if (!seen.add(key)) {
                  duplicates.add(key);
                }
              }
              unknown("sectionOrder", new LinkedHashSet<>(order), knownSections, errors);
              duplicates.forEach(
                  key -> errors.add(new FieldError("sectionOrder", "lists '" + key + "' twice")));
            });
    update
        .hiddenSections()
        .ifPresent(
            hidden -> {
              Set<String> sorted = new TreeSet<>(hidden);
              unknown("hiddenSections", sorted, knownSections, errors);
              sorted.stream()
                  .filter(required::contains)
                  .forEach(
                      key ->
                          errors.add(
                              new FieldError(
                                  "hiddenSections",
                                  "section '" + key + "' is required and cannot be hidden")));
            });
    update
        .zone()
        .filter(zone -> parseZone(zone).isEmpty())
        .ifPresent(
            zone -> errors.add(new FieldError("zone", "'" + zone + "' is not a time zone id")));
    update
        .locale()
        .filter(tag -> parseLocale(tag).isEmpty())
        .ifPresent(
            tag ->
                errors.add(new FieldError("locale", "'" + tag + "' is not a BCP 47 language tag")));
    return List.copyOf(errors);
  }

  /**
   * Returns the preferences with the update's present fields replaced and the version bumped by
   * one. Call {@link #validate} first: this method checks only that the zone and locale parse.
   *
   * @throws InvalidInputException with field {@code zone} or {@code locale} if one does not parse
   */
  static Preferences apply(Preferences current, PreferenceUpdate update) {
    requireNonNull(current, "current");
    requireNonNull(update, "update");
    Optional<ZoneId> zone = current.zone();
    if (update.zone().isPresent()) {
      zone =
          Optional.of(
              parseZone(update.zone().get())
                  .orElseThrow(() -> new InvalidInputException("zone", "is not a time zone id")));
    }
    Optional<Locale> locale = current.locale();
    if (update.locale().isPresent()) {
      locale =
          Optional.of(
              parseLocale(update.locale().get())
                  .orElseThrow(
                      () -> new InvalidInputException("locale", "is not a BCP 47 language tag")));
    }
    return new Preferences(
        current.user(),
        update.theme().or(current::theme),
        update.density().or(current::density),
        update.sectionOrder().orElse(current.sectionOrder()),
        update.hiddenSections().orElse(current.hiddenSections()),
        zone,
        locale,
        Math.addExact(current.version(), 1));
  }

  private static void unknown(
      String field, Set<String> keys, Set<String> knownSections, List<FieldError> errors) {
    keys.stream()
        .filter(key -> !knownSections.contains(key))
        .forEach(key -> errors.add(new FieldError(field, "unknown section '" + key + "'")));
  }

  private static Optional<ZoneId> parseZone(String zone) {
    try {
      return Optional.of(ZoneId.of(zone));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Locale> parseLocale(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    boolean wellFormed =
        !locale.getLanguage().isEmpty() && locale.toLanguageTag().equalsIgnoreCase(tag);
    return wellFormed ? Optional.of(locale) : Optional.empty();
  }
}
