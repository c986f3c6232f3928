package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Server-Timing durations are written by hand on every page; they must read as {@code %.1f}. */
class ServerTimingTest {
  @Test
  void millis_writesWhatPercentPoint1fWrites() {
    long[] samples = {
      0,
      1,
      49_999,
      50_000,
      99_999,
      100_000,
      949_999,
      950_000,
      999_999,
      1_000_000,
      1_049_999,
      1_050_000,
      12_345_678,
      149_950_000,
      1_234_567_890_123L
    };
    for (long nanos : samples) {
      assertThat(ServerTiming.millis(nanos))
          .as("%d ns", nanos)
          .isEqualTo(String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0));
    }
  }
}
