package dev.intropage.core.statistics;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * How the activity of one period compares with the period before it.
 *
 * <p>The direction is {@link TrendDirection#FLAT} when the change is less than 5% of the previous
 * period (a change of exactly 5% counts); when the previous period had nothing, the percentage is
 * undefined and the direction is {@code UP} if the current period had anything, else {@code FLAT}.
 *
 * @param current the count in the current period; not negative
 * @param previous the count in the period before; not negative
 * @param direction the direction implied by the two counts
 * @param changePercent the change in percent of {@code previous}, empty when {@code previous == 0}
 */
public record Trend(
    long current, long previous, TrendDirection direction, OptionalDouble changePercent) {

  /**
   * Validates the trend.
   *
   * @throws IllegalArgumentException if a count is negative, the percentage is present when {@code
   *     previous == 0} or missing otherwise, or the direction does not follow from the counts
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
