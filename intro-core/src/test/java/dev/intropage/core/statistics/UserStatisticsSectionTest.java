package dev.intropage.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import dev.intropage.core.statistics.UserStatistics.Trend;
import dev.intropage.core.statistics.UserStatistics.TrendDirection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserStatisticsSectionTest {
  private static final UserProfile ADA = UserProfile.anonymous(UserId.of("ada"));
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
  private static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");

  private static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  private static UserStatistics load(List<Instant> events, ZoneId zone, Instant now) {
    var repository = new FakeDailyStats(StatisticsMath.bucket(events, List.of(), zone), 0);
    return new UserStatisticsSection(repository).load(ADA.withZone(zone), now);
  }

  @Test
  void load_asksForTheLast60LocalDaysOnce() {
    var repository = new FakeDailyStats(List.of(), 4);
    var now = Instant.parse("2026-05-10T23:30:00Z");

    var stats = new UserStatisticsSection(repository).load(ADA.withZone(BERLIN), now);

    assertThat(stats.today()).isEqualTo(d("2026-05-11"));
    assertThat(repository.dailyCalls).hasSize(1);
    assertThat(repository.dailyCalls.get(0)).containsExactly(d("2026-03-13"), d("2026-05-11"));
    assertThat(repository.openCalls).isEqualTo(1);
    assertThat(stats.openActions()).isEqualTo(4);
  }

  @Test
  void load_nothingHappened_isAllZeroWithFilledSeries() {
    var stats =
        new UserStatisticsSection(new FakeDailyStats(List.of(), 0))
            .load(ADA, Instant.parse("2026-05-10T12:00:00Z"));

    assertThat(stats.activityLast7Days()).isZero();
    assertThat(stats.activityLast30Days()).isZero();
    assertThat(stats.completedLast30Days()).isZero();
    assertThat(stats.currentStreak()).isZero();
    assertThat(stats.longestStreak()).isZero();
    assertThat(stats.series()).hasSize(14).allMatch(day -> day.events() == 0);
    assertThat(stats.series().get(0).date()).isEqualTo(d("2026-04-27"));
    assertThat(stats.trend().direction()).isEqualTo(TrendDirection.FLAT);
    assertThat(stats.trend().changePercent()).isEmpty();
  }

  @Test
  void load_countsWindowsAndTrend() {
    var today = d("2026-05-20");
    var days =
        List.of(
            new DailyCount(today, 2, 1), // last 7
            new DailyCount(today.minusDays(6), 3, 0), // last 7
            new DailyCount(today.minusDays(7), 1, 2), // previous 7
            new DailyCount(today.minusDays(13), 4, 0), // previous 7
            new DailyCount(today.minusDays(14), 10, 0), // outside series, inside 30
            new DailyCount(today.minusDays(29), 20, 3), // inside 30
            new DailyCount(today.minusDays(30), 40, 5), // outside 30
            new DailyCount(today.minusDays(59), 80, 6), // oldest day read
            new DailyCount(today.minusDays(60), 160, 7), // outside what was asked
            new DailyCount(today.plusDays(1), 320, 8)); // future: ignored
    var now = Instant.parse("2026-05-20T08:00:00Z");

    var stats =
        new UserStatisticsSection(new FakeDailyStats(days, 2)).load(ADA.withZone(BERLIN), now);

    assertThat(stats.activityLast7Days()).isEqualTo(5);
    assertThat(stats.activityLast30Days()).isEqualTo(40);
    assertThat(stats.completedLast30Days()).isEqualTo(6);
    assertThat(stats.trend()).isEqualTo(Trend.of(5, 5));
    assertThat(stats.series().get(13)).isEqualTo(new DailyCount(today, 2, 1));
    assertThat(stats.series().get(0)).isEqualTo(new DailyCount(today.minusDays(13), 4, 0));
    assertThat(stats.series().get(1)).isEqualTo(new DailyCount(today.minusDays(12), 0, 0));
    assertThat(stats.currentStreak()).isEqualTo(1);
    assertThat(stats.longestStreak()).isEqualTo(2);
  }

  @Test
  void load_trendUpAndDown() {
    var today = d("2026-05-20");
    var now = Instant.parse("2026-05-20T12:00:00Z");
    var up = List.of(new DailyCount(today, 10, 0), new DailyCount(today.minusDays(8), 5, 0));
    var down = List.of(new DailyCount(today, 1, 0), new DailyCount(today.minusDays(8), 5, 0));
    var fromNothing = List.of(new DailyCount(today, 1, 0));

    assertThat(new UserStatisticsSection(new FakeDailyStats(up, 0)).load(ADA, now).trend())
        .isEqualTo(Trend.of(10, 5));
    assertThat(
            new UserStatisticsSection(new FakeDailyStats(down, 0))
                .load(ADA, now)
                .trend()
                .direction())
        .isEqualTo(TrendDirection.DOWN);
    var trend =
        new UserStatisticsSection(new FakeDailyStats(fromNothing, 0)).load(ADA, now).trend();
    assertThat(trend.direction()).isEqualTo(TrendDirection.UP);
    assertThat(trend.changePercent()).isEmpty();
  }

  @Test
  void load_duplicateDatesFromRepository_areSummed() {
    var today = d("2026-05-20");
    var days = List.of(new DailyCount(today, 2, 1), new DailyCount(today, 3, 1));

    var stats =
        new UserStatisticsSection(new FakeDailyStats(days, 0))
            .load(ADA, Instant.parse("2026-05-20T12:00:00Z"));

    assertThat(stats.series().get(13)).isEqualTo(new DailyCount(today, 5, 2));
    assertThat(stats.activityLast7Days()).isEqualTo(5);
  }

  @Test
  void load_berlinStreakAcrossSpringForward() {
    var events =
        List.of(
            local("2026-03-27T23:30", BERLIN),
            local("2026-03-28T23:30", BERLIN),
            local("2026-03-29T00:30", BERLIN),
            local("2026-03-30T00:30", BERLIN),
            local("2026-03-31T00:30", BERLIN));

    var stats = load(events, BERLIN, local("2026-03-31T09:00", BERLIN));

    assertThat(stats.currentStreak()).isEqualTo(5);
    assertThat(stats.longestStreak()).isEqualTo(5);
  }

  @Test
  void load_berlinGapAfterSpringForwardBreaksStreak() {
    // The late event on the 29th is already in summer time; the missing 30th breaks the streak.
    var events =
        List.of(
            local("2026-03-28T23:30", BERLIN),
            local("2026-03-29T23:30", BERLIN),
            local("2026-03-31T00:30", BERLIN));

    var stats = load(events, BERLIN, local("2026-03-31T23:59", BERLIN));

    assertThat(stats.currentStreak()).isEqualTo(1);
    assertThat(stats.longestStreak()).isEqualTo(2);
  }

  @Test
  void load_newYorkStreakAcrossFallBack() {
    var events =
        List.of(
            local("2026-10-30T23:30", NEW_YORK),
            local("2026-10-31T23:30", NEW_YORK),
            local("2026-11-01T00:30", NEW_YORK),
            local("2026-11-01T01:30", NEW_YORK),
            local("2026-11-02T00:30", NEW_YORK));

    var stats = load(events, NEW_YORK, local("2026-11-02T23:30", NEW_YORK));

    assertThat(stats.today()).isEqualTo(d("2026-11-02"));
    assertThat(stats.currentStreak()).isEqualTo(4);
    assertThat(stats.series().get(12).events()).isEqualTo(2);
  }

  @Test
  void load_newYorkTodayEmpty_streakEndsYesterdayUnbroken() {
    var events =
        List.of(
            local("2026-10-31T23:30", NEW_YORK),
            local("2026-11-01T23:30", NEW_YORK),
            local("2026-11-02T00:30", NEW_YORK));

    var stats = load(events, NEW_YORK, local("2026-11-03T08:00", NEW_YORK));

    assertThat(stats.currentStreak()).isEqualTo(3);
    assertThat(stats.series().get(13)).isEqualTo(new DailyCount(d("2026-11-03"), 0, 0));
  }

  @Test
  void load_farApartZonesSeeDifferentTodayAndStreaks() {
    // The same three instants, one a day at 20:00 UTC, and "now" at 20:30 UTC on the third day.
    var events =
        List.of(
            Instant.parse("2026-06-01T20:00:00Z"),
            Instant.parse("2026-06-02T20:00:00Z"),
            Instant.parse("2026-06-03T20:00:00Z"));
    var now = Instant.parse("2026-06-03T20:30:00Z");

    var kiritimati = load(events, KIRITIMATI, now); // UTC+14: events at 10:00 on 2..4 June
    var pagoPago = load(events, PAGO_PAGO, now); // UTC-11: events at 09:00 on 1..3 June

    assertThat(kiritimati.today()).isEqualTo(d("2026-06-04"));
    assertThat(pagoPago.today()).isEqualTo(d("2026-06-03"));
    assertThat(kiritimati.currentStreak()).isEqualTo(3);
    assertThat(pagoPago.currentStreak()).isEqualTo(3);
    assertThat(kiritimati.series().get(13).events()).isEqualTo(1);
    assertThat(pagoPago.series().get(13).events()).isEqualTo(1);
    assertThat(kiritimati.series().get(10).date()).isEqualTo(d("2026-06-01"));
  }

  @Test
  void load_farApartZones_streakAliveInOneAndBrokenInTheOther() {
    // Events at 11:00 UTC on 1 and 2 June: 01:00 on 2 and 3 June in Kiritimati (UTC+14),
    // 00:00 on 1 and 2 June in Pago Pago (UTC-11).
    var events =
        List.of(Instant.parse("2026-06-01T11:00:00Z"), Instant.parse("2026-06-02T11:00:00Z"));

    var nowA = Instant.parse("2026-06-03T10:30:00Z");
    // Kiritimati: today = 4 June (00:30), yesterday = 3 June had an event -> streak 2.
    // Pago Pago: today = 2 June (23:30), event at 00:00 on 2 June today -> streak 2.
    assertThat(load(events, KIRITIMATI, nowA).currentStreak()).isEqualTo(2);
    assertThat(load(events, PAGO_PAGO, nowA).currentStreak()).isEqualTo(2);

    var nowB = Instant.parse("2026-06-03T11:30:00Z");
    // Kiritimati: today = 4 June (01:30), yesterday 3 June had an event -> 2.
    // Pago Pago: today = 3 June (00:30), yesterday 2 June had an event -> 2.
    assertThat(load(events, KIRITIMATI, nowB).currentStreak()).isEqualTo(2);
    assertThat(load(events, PAGO_PAGO, nowB).currentStreak()).isEqualTo(2);

    var nowC = Instant.parse("2026-06-04T10:30:00Z");
    // Kiritimati: today = 5 June, yesterday 4 June empty -> 0.
    // Pago Pago: today = 3 June (23:30), yesterday 2 June had an event -> 2.
    assertThat(load(events, KIRITIMATI, nowC).currentStreak()).isZero();
    assertThat(load(events, PAGO_PAGO, nowC).currentStreak()).isEqualTo(2);
    assertThat(load(events, KIRITIMATI, nowC).longestStreak()).isEqualTo(2);
  }

  @Test
  void load_streakOlderThanWindow_isCappedAtWindow() {
    var events = new ArrayList<Instant>();
    var now = Instant.parse("2026-06-30T12:00:00Z");
    for (int i = 0; i < 100; i++) {
      events.add(now.minusSeconds(86_400L * i));
    }
    var stats = load(events, ZoneId.of("UTC"), now);
    assertThat(stats.currentStreak()).isEqualTo(60);
    assertThat(stats.longestStreak()).isEqualTo(60);
    assertThat(stats.activityLast30Days()).isEqualTo(30);
  }

  @Test
  void load_negativeOpenActionsFromRepository_isRejected() {
    var section = new UserStatisticsSection(new FakeDailyStats(List.of(), -1));
    assertThatThrownBy(() -> section.load(ADA, Instant.parse("2026-06-30T12:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
