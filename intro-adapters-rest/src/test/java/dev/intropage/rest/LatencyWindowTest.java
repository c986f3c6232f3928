package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.rest.EngineStats.Latency;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The latest samples in a ring, summarized as nearest-rank percentiles in milliseconds. */
class LatencyWindowTest {
  private final LatencyWindow window = new LatencyWindow(100);

  private static long millis(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }

  @Test
  void percentiles_noSamples_allZero() {
    assertThat(window.percentiles()).isEqualTo(new Latency(0, 0, 0, 0, 0));
  }

  @Test
  void percentiles_oneSample_isEveryPercentile() {
    window.add(millis(7));

    assertThat(window.percentiles()).isEqualTo(new Latency(1, 7, 7, 7, 7));
  }

  @Test
  void percentiles_nearestRank_overTheSamplesInAnyOrder() {
    for (int i = 100; i >= 1; i--) {
      window.add(millis(i));
    }

    assertThat(window.percentiles()).isEqualTo(new Latency(100, 50, 95, 99, 100));
  }

  @Test
  void percentiles_moreSamplesThanTheWindow_onlyTheLatestCount() {
    for (int i = 0; i < 100; i++) {
      window.add(millis(1_000));
    }
    for (int i = 1; i <= 100; i++) {
      window.add(millis(i));
    }

    assertThat(window.percentiles()).isEqualTo(new Latency(100, 50, 95, 99, 100));
  }

  @Test
  void percentiles_inMillisecondsRoundedToTheMicrosecond() {
    window.add(1_234_567);

    assertThat(window.percentiles().p50Millis()).isEqualTo(1.235);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  @Timeout(10)
  void add_fromManyThreads_countsUpToTheWindow(boolean virtual) throws Exception {
    ThreadFactory factory =
        virtual ? Thread.ofVirtual().factory() : Thread.ofPlatform().daemon().factory();
    int threads = 8;
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      factory
          .newThread(
              () -> {
                for (int i = 0; i < 50; i++) {
                  window.add(millis(5));
                }
                done.countDown();
              })
          .start();
    }

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(window.percentiles()).isEqualTo(new Latency(100, 5, 5, 5, 5));
  }
}
