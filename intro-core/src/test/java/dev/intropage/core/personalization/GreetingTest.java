package dev.intropage.core.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GreetingTest {

  @Test
  void of_boundariesOfEachPartOfTheDay() {
    assertThat(at("04:59:59.999999999")).isEqualTo("Good night, Ada");
    assertThat(at("05:00:00")).isEqualTo("Good morning, Ada");
    assertThat(at("11:59:59.999999999")).isEqualTo("Good morning, Ada");
    assertThat(at("12:00:00")).isEqualTo("Good afternoon, Ada");
    assertThat(at("17:59:59")).isEqualTo("Good afternoon, Ada");
    assertThat(at("18:00:00")).isEqualTo("Good evening, Ada");
    assertThat(at("22:59:59")).isEqualTo("Good evening, Ada");
    assertThat(at("23:00:00")).isEqualTo("Good night, Ada");
    assertThat(at("00:00:00")).isEqualTo("Good night, Ada");
  }

  @Test
  void of_sameInstantDiffersAcrossZones() {
    Instant now = Instant.parse("2024-03-10T10:30:00Z");

    assertThat(Greeting.of("Ada", now, ZoneOffset.UTC, Locale.ENGLISH))
        .isEqualTo("Good morning, Ada");
    assertThat(Greeting.of("Ada", now, ZoneId.of("Asia/Tokyo"), Locale.ENGLISH))
        .isEqualTo("Good evening, Ada");
    assertThat(Greeting.of("Ada", now, ZoneId.of("America/Los_Angeles"), Locale.ENGLISH))
        .isEqualTo("Good night, Ada");
    assertThat(Greeting.of("Ada", now, ZoneId.of("Asia/Kolkata"), Locale.ENGLISH))
        .isEqualTo("Good afternoon, Ada");
  }

  @Test
  void of_followsDaylightSavingTime() {
    ZoneId paris = ZoneId.of("Europe/Paris");

    assertThat(Greeting.of("Ada", Instant.parse("2024-01-15T04:30:00Z"), paris, Locale.ENGLISH))
        .isEqualTo("Good morning, Ada");
    assertThat(Greeting.of("Ada", Instant.parse("2024-07-15T03:30:00Z"), paris, Locale.ENGLISH))
        .isEqualTo("Good morning, Ada");
    assertThat(Greeting.of("Ada", Instant.parse("2024-01-15T03:30:00Z"), paris, Locale.ENGLISH))
        .isEqualTo("Good night, Ada");
  }

  @Test
  void of_translatesFrenchGermanSpanish_fallsBackToEnglish() {
    Instant evening = Instant.parse("2024-03-10T19:00:00Z");
    Instant night = Instant.parse("2024-03-10T23:30:00Z");
    Instant morning = Instant.parse("2024-03-10T08:00:00Z");
    Instant afternoon = Instant.parse("2024-03-10T14:00:00Z");

    assertThat(greet(morning, Locale.FRANCE)).isEqualTo("Bonjour, Ada");
    assertThat(greet(afternoon, Locale.FRENCH)).isEqualTo("Bon après-midi, Ada");
    assertThat(greet(evening, Locale.CANADA_FRENCH)).isEqualTo("Bonsoir, Ada");
    assertThat(greet(night, Locale.FRENCH)).isEqualTo("Bonne nuit, Ada");
    assertThat(greet(morning, Locale.GERMAN)).isEqualTo("Guten Morgen, Ada");
    assertThat(greet(afternoon, Locale.GERMANY)).isEqualTo("Guten Tag, Ada");
    assertThat(greet(evening, Locale.GERMAN)).isEqualTo("Guten Abend, Ada");
    assertThat(greet(night, Locale.GERMAN)).isEqualTo("Gute Nacht, Ada");
    Locale spanish = Locale.forLanguageTag("es-MX");
    assertThat(greet(morning, spanish)).isEqualTo("Buenos días, Ada");
    assertThat(greet(afternoon, spanish)).isEqualTo("Buenas tardes, Ada");
    assertThat(greet(evening, spanish)).isEqualTo("Buenas noches, Ada");
    assertThat(greet(night, spanish)).isEqualTo("Buenas noches, Ada");
    assertThat(greet(morning, Locale.JAPANESE)).isEqualTo("Good morning, Ada");
    assertThat(greet(morning, Locale.ROOT)).isEqualTo("Good morning, Ada");
  }

  @Test
  void of_usesFirstWhitespaceSeparatedToken() {
    Instant morning = Instant.parse("2024-03-10T08:00:00Z");

    assertThat(Greeting.of("  Ada\tKing Lovelace ", morning, ZoneOffset.UTC, Locale.ENGLISH))
        .isEqualTo("Good morning, Ada");
    assertThat(Greeting.of("Grace\u2003Hopper", morning, ZoneOffset.UTC, Locale.ENGLISH))
        .isEqualTo("Good morning, Grace");
  }

  @Test
  void of_blankName_isRejected() {
    assertThatThrownBy(() -> Greeting.of(" ", Instant.EPOCH, ZoneOffset.UTC, Locale.ENGLISH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String at(String localTime) {
    Instant now = Instant.parse("2024-03-10T" + localTime + "Z").minusSeconds(3600);
    return Greeting.of("Ada Lovelace", now, ZoneOffset.ofHours(1), Locale.ENGLISH);
  }

  private static String greet(Instant now, Locale locale) {
    return Greeting.of("Ada Lovelace", now, ZoneOffset.UTC, locale);
  }
}
