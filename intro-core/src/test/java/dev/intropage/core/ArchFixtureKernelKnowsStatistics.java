package dev.intropage.core;

import dev.intropage.core.statistics.UserStatistics;

/** Breaks the kernel rule on purpose: the engine's package reaching into a section. */
final class ArchFixtureKernelKnowsStatistics {
  private ArchFixtureKernelKnowsStatistics() {}

  static int seriesDays() {
    return UserStatistics.SERIES_DAYS + UserStatistics.KEY.name().length();
  }
}
