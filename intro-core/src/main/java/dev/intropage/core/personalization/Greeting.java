package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Greets the viewer by first name according to the time of day where they are. Stateless. */
final class Greeting {
  private static final List<String> ENGLISH =
      List.of("Good morning", "Good afternoon", "Good evening", "Good night");
  private static final Map<String, List<String>> BY_LANGUAGE =
      Map.of(
          "fr", List.of("Bonjour", "Bon après-midi", "Bonsoir", "Bonne nuit"),
          "de", List.of("Guten Morgen", "Guten Tag", "Guten Abend", "Gute Nacht"),
          "es", List.of("Buenos días", "Buenas tardes", "Buenas noches", "Buenas noches"));

  private Greeting() {}

  /**
   * Returns a greeting such as {@code "Good morning, Ada"}: morning from 05:00 to 11:59 local time,
   * afternoon from 12:00 to 17:59, evening from 18:00 to 22:59, night otherwise. The name is the
   * first whitespace-separated word of the display name. French, German and Spanish are translated;
   * every other language gets English.
   *
   * @param displayName the viewer's display name; not blank
   * @param now the moment of the greeting
   * @param zone the viewer's time zone, which decides the time of day
   * @param locale the viewer's locale, whose language decides the words
   * @throws IllegalArgumentException if the display name is blank
   */
  static String of(String displayName, Instant now, ZoneId zone, Locale locale) {
    requireNonNull(displayName, "displayName");
    requireNonNull(now, "now");
    requireNonNull(zone, "zone");
    requireNonNull(locale, "locale");
    if (displayName.isBlank()) {
      throw new IllegalArgumentException("displayName must not be blank");
    }
    List<String> words = BY_LANGUAGE.getOrDefault(locale.getLanguage(), ENGLISH);
    return words.get(partOfDay(now.atZone(zone).getHour())) + ", " + firstName(displayName);
  }

  private static int partOfDay(int hour) {
    if (hour >= 5 && hour < 12) {
      return 0;
    }
    if (hour >= 12 && hour < 18) {
      return 1;
    }
    return hour >= 18 && hour < 23 ? 2 : 3;
  }

  private static String firstName(String displayName) {
    String name = displayName.strip();
    int end = 0;
    while (end < name.length() && !Character.isWhitespace(name.charAt(end))) {
      end++;
    }
    return name.substring(0, end);
  }
}
