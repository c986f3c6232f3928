package dev.intropage.core.statistics;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the daily rollups the statistics section is computed from.
 *
 * <p>Implementations group by local date in the user's time zone, for example with {@link
 * StatisticsMath#bucket}.
 */
public interface DailyStatsRepository {
  /**
   * Returns the user's daily counts between two local dates, both inclusive.
   *
   * <p>Days without activity may be absent; the list may be unsorted and may name a date more than
   * once (the section sums such entries).
   */
  List<DailyCount> daily(UserId user, LocalDate fromInclusive, LocalDate toInclusive);

  /** Returns how many of the user's actionable items are open right now. */
  long openActions(UserId user);

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
}
