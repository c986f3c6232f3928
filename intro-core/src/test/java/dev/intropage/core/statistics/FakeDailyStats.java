package dev.intropage.core.statistics;

import dev.intropage.core.model.UserId;
import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A repository answering from fixed data and recording the ranges it was asked for. */
final class FakeDailyStats implements DailyStatsRepository {
  final List<DailyCount> days;
  final long open;
  final List<LocalDate[]> dailyCalls = new ArrayList<>();
  int openCalls;

  FakeDailyStats(List<DailyCount> days, long open) {
    this.days = List.copyOf(days);
    this.open = open;
  }

  @Override
  public List<DailyCount> daily(UserId user, LocalDate fromInclusive, LocalDate toInclusive) {
    dailyCalls.add(new LocalDate[] {fromInclusive, toInclusive});
    return days;
  }

  @Override
  public long openActions(UserId user) {
    openCalls++;
    return open;
  }
}
