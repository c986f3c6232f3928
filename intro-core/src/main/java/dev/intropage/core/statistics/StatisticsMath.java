package dev.intropage.core.statistics;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Day arithmetic for the statistics section: grouping instants into local days, gap filling,
 * streaks and sums. Stateless and thread-safe.
 */
final class StatisticsMath {
  private StatisticsMath() {}

  /**
   * Groups event and completion instants into the local days of a zone, for adapters that read raw
   * timestamps.
   *
   * <p>Each instant belongs to the date it has on the zone's wall clock, so days that are 23 or 25
   * hours long because of a daylight saving change are grouped correctly.
   *
   * @param eventTimes when the user's events happened
   * @param completionTimes when the user completed actions
   * @param zone the user's time zone
   * @return one entry per local day with at least one instant, sorted by date
   * @throws NullPointerException if an argument or an instant is null
   */
  static List<DailyCount> bucket(
      Collection<Instant> eventTimes, Collection<Instant> completionTimes, ZoneId zone) {
    requireNonNull(zone, "zone");
    var days = new TreeMap<LocalDate, int[]>();
    for (var time : eventTimes) {
      days.computeIfAbsent(
              LocalDate.ofInstant(requireNonNull(time, "eventTime"), zone), d -> new int[2])[0]++;
    }
    for (var time : completionTimes) {
      days.computeIfAbsent(
              LocalDate.ofInstant(requireNonNull(time, "completionTime"), zone), d -> new int[2])[
          1]++;
    }
    var result = new ArrayList<DailyCount>(days.size());
    days.forEach((date, counts) -> result.add(new DailyCount(date, counts[0], counts[1])));
    return List.copyOf(result);
  }

  /**
   * Returns one entry for every day from {@code from} to {@code to}, both inclusive, in order:
   * entries for the same date are summed, missing days are zero, days outside the range are
   * dropped.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   * @throws ArithmeticException if a summed count does not fit an {@code int}
   */
  static List<DailyCount> gapFill(List<DailyCount> days, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("range ends " + to + " before it starts " + from);
    }
    Map<LocalDate, DailyCount> byDate = new HashMap<>();
    for (var day : days) {
      if (!day.date().isBefore(from) && !day.date().isAfter(to)) {
        byDate.merge(
            day.date(),
            day,
            (a, b) ->
                new DailyCount(
                    a.date(),
                    Math.addExact(a.events(), b.events()),
                    Math.addExact(a.completed(), b.completed())));
      }
    }
    var result = new ArrayList<DailyCount>();
    for (var date = from; !date.isAfter(to); date = date.plusDays(1)) {
      result.add(byDate.getOrDefault(date, new DailyCount(date, 0, 0)));
    }
    return List.copyOf(result);
  }

  /**
   * Returns the run of days with events that ends on the last day of a gap-filled list, or on the
   * day before it when the last day has no events yet.
   */
  static int currentStreak(List<DailyCount> filled) {
    int end = filled.size() - 1;
    if (end >= 0 && filled.get(end).events() == 0) {
      end--;
    }
    int streak = 0;
    for (int i = end; i >= 0 && filled.get(i).events() > 0; i--) {
      streak++;
    }
    return streak;
  }

  /** Returns the longest run of consecutive days with events in a gap-filled list. */
  static int longestStreak(List<DailyCount> filled) {
    int longest = 0;
    int run = 0;
    for (var day : filled) {
      run = day.events() > 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /** Returns the sum of events from {@code from} to {@code to}, both inclusive. */
  static long sumEvents(List<DailyCount> days, LocalDate from, LocalDate to) {
    return sum(days, from, to, DailyCount::events);
  }

  /** Returns the sum of completed actions from {@code from} to {@code to}, both inclusive. */
  static long sumCompleted(List<DailyCount> days, LocalDate from, LocalDate to) {
    return sum(days, from, to, DailyCount::completed);
  }

  private static long sum(
      List<DailyCount> days, LocalDate from, LocalDate to, ToLongFunction<DailyCount> count) {
    return days.stream()
        .filter(day -> !day.date().isBefore(from) && !day.date().isAfter(to))
        .mapToLong(count)
        .sum();
  }
}
