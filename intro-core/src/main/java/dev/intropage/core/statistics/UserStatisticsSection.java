package dev.intropage.core.statistics;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.statistics.UserStatistics.Trend;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Builds the user statistics section from the viewer's daily rollups of the last {@value
 * #WINDOW_DAYS} local days.
 *
 * <p>Thread-safe if the repository is: the section keeps no state between loads.
 */
final class UserStatisticsSection {
  static final SectionPolicy POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(100))
          .cacheTtl(Duration.ofMinutes(1))
          .staleWhileRevalidate(Duration.ofMinutes(2))
          .maxStale(Duration.ofMinutes(30))
          .build();

  /** How many local days, today included, the section reads; streaks are counted within them. */
  static final int WINDOW_DAYS = 60;

  private final DailyStatsRepository repository;

  /**
   * Creates the section.
   *
   * @param repository where the daily counts and the open action count come from
   */
  UserStatisticsSection(DailyStatsRepository repository) {
    this.repository = requireNonNull(repository, "repository");
  }

  /**
   * Loads the viewer's statistics as of {@code now}, with one call for the daily counts and one for
   * the open actions.
   *
   * <p>Today is the date {@code now} has in the viewer's zone. Counts the repository returns for
   * dates outside the window are ignored.
   *
   * @throws IllegalArgumentException if the repository reports a negative number of open actions
   * @throws ArithmeticException if the counts for one day do not fit an {@code int}
   */
  UserStatistics load(UserProfile viewer, Instant now) {
    requireNonNull(viewer, "viewer");
    requireNonNull(now, "now");
    LocalDate today = LocalDate.ofInstant(now, viewer.zone());
    LocalDate from = today.minusDays(WINDOW_DAYS - 1L);
    var filled = StatisticsMath.gapFill(repository.daily(viewer.id(), from, today), from, today);
    long openActions = repository.openActions(viewer.id());

    long last7 = StatisticsMath.sumEvents(filled, today.minusDays(6), today);
    long previous7 = StatisticsMath.sumEvents(filled, today.minusDays(13), today.minusDays(7));
    LocalDate from30 = today.minusDays(29);
    return new UserStatistics(
        last7,
        StatisticsMath.sumEvents(filled, from30, today),
        StatisticsMath.sumCompleted(filled, from30, today),
        openActions,
        StatisticsMath.currentStreak(filled),
        StatisticsMath.longestStreak(filled),
        filled.subList(filled.size() - UserStatistics.SERIES_DAYS, filled.size()),
        Trend.of(last7, previous7),
        today);
  }
}
