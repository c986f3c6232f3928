package dev.intropage.core.statistics;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.Section;
import dev.intropage.core.SectionKey;
import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

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

  /**
   * How the activity of one period compares with the period before it.
   *
   * <p>The direction is {@link TrendDirection#FLAT} when the change is less than 5% of the previous
   * period (a change of exactly 5% counts); when the previous period had nothing, the percentage is
   * undefined and the direction is {@code UP} if the current period had anything, else {@code
   * FLAT}.
   *
   * @param current the count in the current period; not negative
   * @param previous the count in the period before; not negative
   * @param direction the direction implied by the two counts
   * @param changePercent the change in percent of {@code previous}, empty when {@code previous ==
   *     0}
   */
  public record Trend(
      long current, long previous, TrendDirection direction, OptionalDouble changePercent) {

    /**
     * Validates the trend.
     *
     * @throws IllegalArgumentException if a count is negative, the percentage is present when
     *     {@code previous == 0} or missing otherwise, or the direction does not follow from the
     *     counts
     */
    public Trend {
      requireNonNull(direction, "direction");
      requireNonNull(changePercent, "changePercent");
      if (current < 0 || previous < 0) {
        throw new IllegalArgumentException(
            "counts must not be negative: current=" + current + ", previous=" + previous);
      }
      if (changePercent.isPresent() == (previous == 0)) {
        throw new IllegalArgumentException(
            "changePercent must be present exactly when previous > 0, previous=" + previous);
      }
      var expected = directionOf(current, previous);
      if (direction != expected) {
        throw new IllegalArgumentException(
            "direction " + direction + " does not match counts, expected " + expected);
      }
    }

    /**
     * Returns the trend from {@code previous} to {@code current}.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public static Trend of(long current, long previous) {
      var percent =
          previous == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of((current - previous) * 100.0 / previous);
      return new Trend(current, previous, directionOf(current, previous), percent);
    }

    private static TrendDirection directionOf(long current, long previous) {
      if (previous == 0) {
        return current > 0 ? TrendDirection.UP : TrendDirection.FLAT;
      }
      // |current - previous| * 20 < previous, written so that it cannot overflow.
      long change = Math.abs(current - previous);
      if (change <= (previous - 1) / 20) {
        return TrendDirection.FLAT;
      }
      return current > previous ? TrendDirection.UP : TrendDirection.DOWN;
    }
  }

  /** Which way activity moved from one period to the next. */
  public enum TrendDirection {
    /** At least 5% more than the previous period, or any activity after none. */
    UP,
    /** At least 5% less than the previous period. */
    DOWN,
    /** Less than 5% change, or no activity in either period. */
    FLAT
  }
}
