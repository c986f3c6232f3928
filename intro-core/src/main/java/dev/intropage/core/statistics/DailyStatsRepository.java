package dev.intropage.core.statistics;

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
}
