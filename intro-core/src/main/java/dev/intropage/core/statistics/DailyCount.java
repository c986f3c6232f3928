package dev.intropage.core.statistics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One local day's rollup of a user's activity, the day taken in the user's time zone.
 *
 * @param date the local date
 * @param events how many events the user had that day; not negative
 * @param completed how many actions the user completed that day; not negative
 */
public record DailyCount(LocalDate date, int events, int completed) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public DailyCount {
    requireNonNull(date, "date");
    if (events < 0) {
      throw new IllegalArgumentException("events must not be negative: " + events);
    }
    if (completed < 0) {
      throw new IllegalArgumentException("completed must not be negative: " + completed);
    }
  }
}
