package dev.intropage.core.statistics;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.Section;
import dev.intropage.core.SectionKey;
import java.time.LocalDate;
import java.util.List;

/**
 * The user statistics section's value: activity counts, streaks, a 14-day series and a trend, all
 * in the viewer's time zone.
 *
 * @param activityLast7Days events in the 7 local days ending today, today included
 * @param activityLast30Days events in the 30 local days ending today
 * @param completedLast30Days actions completed in the 30 local days ending today
 * @param openActions actionable items open right now
 * @param currentStreak consecutive days with events ending today, or ending yesterday when today
 *     has none yet
 * @param longestStreak the longest run of consecutive days with events in the 60-day window; at
 *     least {@code currentStreak}
 * @param series exactly {@value #SERIES_DAYS} consecutive days ending today, oldest first, days
 *     without activity as zero counts
 * @param trend the last 7 days compared with the 7 days before them
 * @param today the viewer's local date the statistics were computed for
 */
public record UserStatistics(
    long activityLast7Days,
    long activityLast30Days,
    long completedLast30Days,
    long openActions,
    int currentStreak,
    int longestStreak,
    List<DailyCount> series,
    Trend trend,
    LocalDate today) {

  /** How many days the series holds. */
  public static final int SERIES_DAYS = 14;

  /** The section's key: activity counts, streaks, the 14-day series and the trend of the viewer. */
  public static final SectionKey<UserStatistics> KEY =
      SectionKey.of("statistics", UserStatistics.class);

  /** Returns the user statistics section over the daily rollups, with its default policy. */
  public static Section<UserStatistics> section(DailyStatsRepository repository) {
    UserStatisticsSection section = new UserStatisticsSection(repository);
    return Section.of(
        KEY,
        context -> section.load(context.viewer(), context.now()),
        UserStatisticsSection.POLICY);
  }

  /**
   * Validates the statistics and copies the series.
   *
   * @throws IllegalArgumentException if a count or streak is negative, the longest streak is
   *     shorter than the current one, or the series is not {@value #SERIES_DAYS} consecutive days
   *     ending today
   */
  public UserStatistics {
    series = List.copyOf(series);
    requireNonNull(trend, "trend");
    requireNonNull(today, "today");
    if (activityLast7Days < 0
        || activityLast30Days < 0
        || completedLast30Days < 0
        || openActions < 0
        || currentStreak < 0) {
      throw new IllegalArgumentException("counts and streaks must not be negative");
    }
    if (longestStreak < currentStreak) {
      throw new IllegalArgumentException(
          "longestStreak " + longestStreak + " is shorter than currentStreak " + currentStreak);
    }
    if (series.size() != SERIES_DAYS) {
      throw new IllegalArgumentException(
          "series must have " + SERIES_DAYS + " days, not " + series.size());
    }
    for (int i = 0; i < SERIES_DAYS; i++) {
      var expected = today.minusDays(SERIES_DAYS - 1L - i);
      if (!series.get(i).date().equals(expected)) {
        throw new IllegalArgumentException(
            "series day " + i + " is " + series.get(i).date() + ", expected " + expected);
      }
    }
  }
}
