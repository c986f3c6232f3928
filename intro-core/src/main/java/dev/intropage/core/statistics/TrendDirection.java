package dev.intropage.core.statistics;

/** Which way activity moved from one period to the next. */
public enum TrendDirection {
  /** At least 5% more than the previous period, or any activity after none. */
  UP,
  /** At least 5% less than the previous period. */
  DOWN,
  /** Less than 5% change, or no activity in either period. */
  FLAT
}
