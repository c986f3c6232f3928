package dev.intropage.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who is looking at the page: the facts every section may need about the viewer.
 *
 * @param id the user's id
 * @param displayName the name to greet the user by; not blank
 * @param zone the user's time zone: day boundaries, streaks and greetings follow it
 * @param locale the user's locale
 * @param teams the teams whose activity the user follows
 * @param lastVisitAt when the user last opened the page, if ever
 */
public record UserProfile(
    UserId id,
    String displayName,
    ZoneId zone,
    Locale locale,
    Set<String> teams,
    Optional<Instant> lastVisitAt) {

  /**
   * Validates the profile and copies the teams.
   *
   * @throws InvalidInputException if the display name is blank
   */
  public UserProfile {
    requireNonNull(id, "id");
    requireNonNull(displayName, "displayName");
    requireNonNull(zone, "zone");
    requireNonNull(locale, "locale");
    teams = Set.copyOf(teams);
    requireNonNull(lastVisitAt, "lastVisitAt");
    if (displayName.isBlank()) {
      throw new InvalidInputException("displayName", "must not be blank");
    }
  }

  /** Returns a profile that knows only the id: UTC, English, no teams, no earlier visit. */
  public static UserProfile anonymous(UserId id) {
    return new UserProfile(
        id, id.value(), ZoneOffset.UTC, Locale.ENGLISH, Set.of(), Optional.empty());
  }

  /** Returns a copy in another time zone. */
  public UserProfile withZone(ZoneId zone) {
    return new UserProfile(id, displayName, zone, locale, teams, lastVisitAt);
  }

  /** Returns a copy with another locale. */
  public UserProfile withLocale(Locale locale) {
    return new UserProfile(id, displayName, zone, locale, teams, lastVisitAt);
  }

  /** Returns a copy with the time of the last visit. */
  public UserProfile withLastVisitAt(Instant lastVisitAt) {
    return new UserProfile(id, displayName, zone, locale, teams, Optional.of(lastVisitAt));
  }
}
