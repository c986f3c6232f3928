package dev.intropage.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class UserStatisticsPropertiesTest {
  private static final UserProfile USER = UserProfile.anonymous(UserId.of("prop"));
  private static final List<LocalTime> TIMES =
      List.of(LocalTime.NOON, LocalTime.MIDNIGHT, LocalTime.of(23, 59));

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(List.copyOf(ZoneId.getAvailableZoneIds())).map(ZoneId::of);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs()
        .between(LocalDate.of(1950, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<LocalTime> times() {
    return Arbitraries.of(TIMES);
  }

  /** Returns the instant of a local time on a date, if that date exists in the zone at all. */
  private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
    var zoned = ZonedDateTime.of(date, time, zone);
    // A few zones skipped whole days (Pacific/Apia on 2011-12-30); such days cannot hold events.
    Assume.that(zoned.toLocalDate().equals(date));
    return zoned.toInstant();
  }

  @Property(tries = 500)
  void streakOfConsecutiveDaysEndingToday(
      @ForAll("zones") ZoneId zone,
      @ForAll("dates") LocalDate start,
      @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll("times") LocalTime time,
      @ForAll boolean todayStillEmpty) {
    var events = new ArrayList<Instant>();
    for (int i = 0; i < n; i++) {
      events.add(at(start.plusDays(i), time, zone));
    }
    var lastDay = start.plusDays(n - 1L);
    var today = todayStillEmpty ? lastDay.plusDays(1) : lastDay;
    var now = todayStillEmpty ? at(today, LocalTime.of(6, 0), zone) : events.get(n - 1);
    var repository = new FakeDailyStats(StatisticsMath.bucket(events, List.of(), zone), 0);

    var stats = new UserStatisticsSection(repository).load(USER.withZone(zone), now);

    assertThat(stats.today()).isEqualTo(today);
    assertThat(stats.currentStreak()).isEqualTo(n);
    assertThat(stats.longestStreak()).isGreaterThanOrEqualTo(n);
  }

  @Provide
  Arbitrary<List<DailyCount>> answers() {
    var offsets = Arbitraries.integers().between(-70, 5);
    var counts = Arbitraries.integers().between(0, 1000);
    return Combinators.combine(offsets, counts, counts)
        .as((offset, events, completed) -> new int[] {offset, events, completed})
        .list()
        .ofMaxSize(120)
        .map(
            rows ->
                rows.stream()
                    .map(r -> new DailyCount(LocalDate.of(2026, 3, 20).plusDays(r[0]), r[1], r[2]))
                    .toList());
  }

  @Property(tries = 300)
  void seriesIsFourteenConsecutiveDaysEndingTodayAndPreservesSums(
      @ForAll("zones") ZoneId zone, @ForAll("answers") List<DailyCount> answer) {
    var today = LocalDate.of(2026, 3, 20);
    var now = ZonedDateTime.of(today, LocalTime.of(12, 0), zone).toInstant();

    var stats =
        new UserStatisticsSection(new FakeDailyStats(answer, 0)).load(USER.withZone(zone), now);

    assertThat(stats.series()).hasSize(14);
    for (int i = 0; i < 14; i++) {
      var day = stats.series().get(i);
      assertThat(day.date()).isEqualTo(today.minusDays(13L - i));
      int events = 0;
      int completed = 0;
      for (var row : answer) {
        if (row.date().equals(day.date())) {
          events += row.events();
          completed += row.completed();
        }
      }
      assertThat(day.events()).isEqualTo(events);
      assertThat(day.completed()).isEqualTo(completed);
    }
    assertThat(stats.activityLast7Days()).isEqualTo(sumEvents(answer, today.minusDays(6), today));
    assertThat(stats.activityLast30Days()).isEqualTo(sumEvents(answer, today.minusDays(29), today));
    assertThat(stats.trend().current() + stats.trend().previous())
        .isEqualTo(sumEvents(answer, today.minusDays(13), today));
    assertThat(stats.longestStreak()).isGreaterThanOrEqualTo(stats.currentStreak());
  }

  private static long sumEvents(List<DailyCount> rows, LocalDate from, LocalDate to) {
    return rows.stream()
        .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to))
        .mapToLong(DailyCount::events)
        .sum();
  }
}
