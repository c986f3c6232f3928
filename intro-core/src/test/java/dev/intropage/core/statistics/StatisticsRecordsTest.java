package dev.intropage.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import dev.intropage.core.statistics.UserStatistics.Trend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsRecordsTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-05-20");

  private static List<DailyCount> series(LocalDate today, int days) {
    var result = new ArrayList<DailyCount>();
    for (int i = days - 1; i >= 0; i--) {
      result.add(new DailyCount(today.minusDays(i), 0, 0));
    }
    return result;
  }

  private static UserStatistics stats(
      long last7, long open, int current, int longest, List<DailyCount> series) {
    return new UserStatistics(
        last7, last7, 0, open, current, longest, series, Trend.of(0, 0), TODAY);
  }

  @Test
  void dailyCount_rejectsNegativeCounts() {
    assertThatThrownBy(() -> new DailyCount(TODAY, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DailyCount(TODAY, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new DailyCount(TODAY, 0, 0).events()).isZero();
  }

  @Test
  void userStatistics_acceptsAWellFormedValue() {
    var stats = stats(3, 1, 2, 5, series(TODAY, 14));
    assertThat(stats.series()).hasSize(UserStatistics.SERIES_DAYS);
  }

  @Test
  void userStatistics_rejectsNegativeCountsAndStreaks() {
    var ok = series(TODAY, 14);
    assertThatThrownBy(() -> stats(-1, 0, 0, 0, ok)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stats(0, -1, 0, 0, ok)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stats(0, 0, -1, 0, ok)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stats(0, 0, 2, 1, ok)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserStatistics(0, -1, 0, 0, 0, 0, ok, Trend.of(0, 0), TODAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserStatistics(0, 0, -1, 0, 0, 0, ok, Trend.of(0, 0), TODAY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userStatistics_rejectsASeriesThatIsNotFourteenDaysEndingToday() {
    assertThatThrownBy(() -> stats(0, 0, 0, 0, series(TODAY, 13)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stats(0, 0, 0, 0, series(TODAY.minusDays(1), 14)))
        .isInstanceOf(IllegalArgumentException.class);
    var gap = new ArrayList<>(series(TODAY, 14));
    gap.set(3, new DailyCount(TODAY.minusDays(20), 0, 0));
    assertThatThrownBy(() -> stats(0, 0, 0, 0, gap)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userStatistics_copiesTheSeries() {
    var mutable = new ArrayList<>(series(TODAY, 14));
    var stats = stats(0, 0, 0, 0, mutable);
    mutable.clear();
    assertThat(stats.series()).hasSize(14);
  }
}
