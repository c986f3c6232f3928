package dev.intropage.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsMathTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  @Test
  void bucket_groupsByLocalDateAndSortsByDate() {
    var events =
        List.of(
            Instant.parse("2026-05-03T10:00:00Z"),
            Instant.parse("2026-05-01T10:00:00Z"),
            Instant.parse("2026-05-01T11:00:00Z"));
    var completions = List.of(Instant.parse("2026-05-02T10:00:00Z"));

    assertThat(StatisticsMath.bucket(events, completions, ZoneOffset.UTC))
        .containsExactly(
            new DailyCount(d("2026-05-01"), 2, 0),
            new DailyCount(d("2026-05-02"), 0, 1),
            new DailyCount(d("2026-05-03"), 1, 0));
  }

  @Test
  void bucket_sameInstantFallsOnDifferentDaysInDifferentZones() {
    var instant = Instant.parse("2026-05-01T22:30:00Z");

    assertThat(StatisticsMath.bucket(List.of(instant), List.of(), ZoneOffset.UTC))
        .containsExactly(new DailyCount(d("2026-05-01"), 1, 0));
    assertThat(StatisticsMath.bucket(List.of(instant), List.of(), BERLIN))
        .containsExactly(new DailyCount(d("2026-05-02"), 1, 0));
  }

  @Test
  void bucket_berlinSpringForward_lateAndEarlyEventsFallOnTheirLocalDays() {
    // Clocks jump from 02:00 to 03:00 on 2026-03-29.
    var events =
        List.of(
            local("2026-03-28T23:30", BERLIN),
            local("2026-03-29T00:30", BERLIN),
            local("2026-03-29T23:30", BERLIN),
            local("2026-03-30T00:30", BERLIN));

    assertThat(StatisticsMath.bucket(events, List.of(), BERLIN))
        .containsExactly(
            new DailyCount(d("2026-03-28"), 1, 0),
            new DailyCount(d("2026-03-29"), 2, 0),
            new DailyCount(d("2026-03-30"), 1, 0));
  }

  @Test
  void bucket_newYorkFallBack_lateAndEarlyEventsFallOnTheirLocalDays() {
    // Clocks go back from 02:00 to 01:00 on 2026-11-01; that day lasts 25 hours.
    var events =
        List.of(
            local("2026-10-31T23:30", NEW_YORK),
            local("2026-11-01T00:30", NEW_YORK),
            local("2026-11-01T23:30", NEW_YORK),
            local("2026-11-02T00:30", NEW_YORK));

    assertThat(StatisticsMath.bucket(events, List.of(), NEW_YORK))
        .containsExactly(
            new DailyCount(d("2026-10-31"), 1, 0),
            new DailyCount(d("2026-11-01"), 2, 0),
            new DailyCount(d("2026-11-02"), 1, 0));
  }

  @Test
  void bucket_nothing_isEmpty() {
    assertThat(StatisticsMath.bucket(List.of(), List.of(), BERLIN)).isEmpty();
  }

  @Test
  void bucket_nullElement_isRejected() {
    var withNull = new ArrayList<Instant>(Arrays.asList((Instant) null));
    assertThatThrownBy(() -> StatisticsMath.bucket(withNull, List.of(), BERLIN))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void gapFill_missingDaysBecomeZeroAndDuplicatesAreSummed() {
    var filled =
        StatisticsMath.gapFill(
            List.of(
                new DailyCount(d("2026-05-03"), 2, 1),
                new DailyCount(d("2026-05-01"), 1, 0),
                new DailyCount(d("2026-05-03"), 3, 4)),
            d("2026-05-01"),
            d("2026-05-04"));

    assertThat(filled)
        .containsExactly(
            new DailyCount(d("2026-05-01"), 1, 0),
            new DailyCount(d("2026-05-02"), 0, 0),
            new DailyCount(d("2026-05-03"), 5, 5),
            new DailyCount(d("2026-05-04"), 0, 0));
  }

  @Test
  void gapFill_daysOutsideTheRangeAreIgnored() {
    var filled =
        StatisticsMath.gapFill(
            List.of(
                new DailyCount(d("2026-04-30"), 7, 7),
                new DailyCount(d("2026-05-01"), 1, 1),
                new DailyCount(d("2026-05-03"), 9, 9)),
            d("2026-05-01"),
            d("2026-05-02"));

    assertThat(filled)
        .containsExactly(
            new DailyCount(d("2026-05-01"), 1, 1), new DailyCount(d("2026-05-02"), 0, 0));
  }

  @Test
  void gapFill_rangeReversed_isRejected() {
    assertThatThrownBy(() -> StatisticsMath.gapFill(List.of(), d("2026-05-02"), d("2026-05-01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<DailyCount> days(String from, int... events) {
    var start = d(from);
    var result = new ArrayList<DailyCount>();
    for (int i = 0; i < events.length; i++) {
      result.add(new DailyCount(start.plusDays(i), events[i], 0));
    }
    return result;
  }

  @Test
  void currentStreak_endingToday() {
    assertThat(StatisticsMath.currentStreak(days("2026-05-01", 1, 0, 2, 1, 3))).isEqualTo(3);
  }

  @Test
  void currentStreak_todayWithoutEventsYet_countsUpToYesterday() {
    assertThat(StatisticsMath.currentStreak(days("2026-05-01", 0, 1, 1, 1, 0))).isEqualTo(3);
  }

  @Test
  void currentStreak_yesterdayAndTodayEmpty_isZero() {
    assertThat(StatisticsMath.currentStreak(days("2026-05-01", 1, 1, 1, 0, 0))).isZero();
  }

  @Test
  void currentStreak_everyDay_isWholeWindow() {
    assertThat(StatisticsMath.currentStreak(days("2026-05-01", 1, 1, 1))).isEqualTo(3);
  }

  @Test
  void currentStreak_singleEmptyDay_isZero() {
    assertThat(StatisticsMath.currentStreak(days("2026-05-01", 0))).isZero();
    assertThat(StatisticsMath.currentStreak(List.of())).isZero();
  }

  @Test
  void longestStreak_findsTheLongestRunAnywhere() {
    assertThat(StatisticsMath.longestStreak(days("2026-05-01", 1, 1, 1, 1, 0, 1, 0, 1, 1)))
        .isEqualTo(4);
    assertThat(StatisticsMath.longestStreak(days("2026-05-01", 0, 1, 0, 1, 1, 1))).isEqualTo(3);
    assertThat(StatisticsMath.longestStreak(days("2026-05-01", 0, 0))).isZero();
  }

  @Test
  void sums_countOnlyDaysInsideTheRange() {
    var filled = days("2026-05-01", 1, 2, 4, 8);
    assertThat(StatisticsMath.sumEvents(filled, d("2026-05-02"), d("2026-05-03"))).isEqualTo(6);
    var withCompleted =
        List.of(new DailyCount(d("2026-05-01"), 0, 5), new DailyCount(d("2026-05-02"), 0, 7));
    assertThat(StatisticsMath.sumCompleted(withCompleted, d("2026-05-02"), d("2026-05-09")))
        .isEqualTo(7);
  }
}
