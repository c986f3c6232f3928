package dev.intropage.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.statistics.UserStatistics.Trend;
import dev.intropage.core.statistics.UserStatistics.TrendDirection;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrendTest {
  @Test
  void of_moreThanBefore_isUpWithPercent() {
    var trend = Trend.of(15, 10);
    assertThat(trend.direction()).isEqualTo(TrendDirection.UP);
    assertThat(trend.changePercent()).hasValue(50.0);
  }

  @Test
  void of_lessThanBefore_isDownWithNegativePercent() {
    var trend = Trend.of(5, 20);
    assertThat(trend.direction()).isEqualTo(TrendDirection.DOWN);
    assertThat(trend.changePercent()).hasValue(-75.0);
  }

  @Test
  void of_equal_isFlat() {
    var trend = Trend.of(7, 7);
    assertThat(trend.direction()).isEqualTo(TrendDirection.FLAT);
    assertThat(trend.changePercent()).hasValue(0.0);
  }

  @Test
  void of_changeBelowFivePercent_isFlat() {
    assertThat(Trend.of(104, 100).direction()).isEqualTo(TrendDirection.FLAT);
    assertThat(Trend.of(96, 100).direction()).isEqualTo(TrendDirection.FLAT);
  }

  @Test
  void of_changeOfExactlyFivePercent_isNotFlat() {
    assertThat(Trend.of(105, 100).direction()).isEqualTo(TrendDirection.UP);
    assertThat(Trend.of(95, 100).direction()).isEqualTo(TrendDirection.DOWN);
    assertThat(Trend.of(21, 20).direction()).isEqualTo(TrendDirection.UP);
  }

  @Test
  void of_previousZero_hasNoPercent() {
    var up = Trend.of(3, 0);
    assertThat(up.direction()).isEqualTo(TrendDirection.UP);
    assertThat(up.changePercent()).isEmpty();

    var flat = Trend.of(0, 0);
    assertThat(flat.direction()).isEqualTo(TrendDirection.FLAT);
    assertThat(flat.changePercent()).isEmpty();
  }

  @Test
  void of_hugeCounts_doNotOverflow() {
    assertThat(Trend.of(Long.MAX_VALUE, Long.MAX_VALUE - 1).direction())
        .isEqualTo(TrendDirection.FLAT);
    assertThat(Trend.of(Long.MAX_VALUE, 1).direction()).isEqualTo(TrendDirection.UP);
  }

  @Test
  void constructor_rejectsInconsistentValues() {
    assertThatThrownBy(() -> new Trend(-1, 0, TrendDirection.FLAT, OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Trend(0, -1, TrendDirection.FLAT, OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Trend(1, 0, TrendDirection.UP, OptionalDouble.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Trend(1, 1, TrendDirection.FLAT, OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Trend(2, 1, TrendDirection.DOWN, OptionalDouble.of(100)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
