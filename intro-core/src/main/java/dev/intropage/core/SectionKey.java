package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Names a section of the page and the type of its data; two keys are equal when their names are.
 *
 * {@snippet :
 * SectionKey<Weather> WEATHER = SectionKey.of("weather", Weather.class);
 * Optional<Weather> weather = page.data(WEATHER);
 * }
 *
 * @param name lower-case letters, digits and dashes, starting with a letter, at most 40 long
 * @param type the class of the section's data
 * @param <T> the type of the section's data
 */
public record SectionKey<T>(String name, Class<T> type) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /**
   * Validates the key.
   *
   * @throws IllegalArgumentException if the name does not match {@code [a-z][a-z0-9-]{0,39}}
   */
  public SectionKey {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "section name must match [a-z][a-z0-9-]{0,39}, was '" + name + "'");
    }
  }

  /**
   * Returns a key for a section.
   *
   * @throws IllegalArgumentException as the constructor does
   */
  public static <T> SectionKey<T> of(String name, Class<T> type) {
    return new SectionKey<>(name, type);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SectionKey<?> key && key.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
