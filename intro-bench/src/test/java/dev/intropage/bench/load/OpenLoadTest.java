package dev.intropage.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoadTest {
  @Test
  void dueTimesAreFixedIntervalsFromTheStart() {
    assertThat(OpenLoad.dueOffsetNanos(0, 1000)).isZero();
    assertThat(OpenLoad.dueOffsetNanos(1, 1000)).isEqualTo(1_000_000);
    assertThat(OpenLoad.dueOffsetNanos(2999, 1000)).isEqualTo(2_999_000_000L);
    assertThat(OpenLoad.dueOffsetNanos(3, 3)).isEqualTo(1_000_000_000L);
  }

  @Test
  void percentilesAreNearestRank() {
    long[] sorted = new long[1000];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i + 1L;
    }
    assertThat(OpenLoad.percentile(sorted, 50)).isEqualTo(500);
    assertThat(OpenLoad.percentile(sorted, 99)).isEqualTo(990);
    assertThat(OpenLoad.percentile(sorted, 99.9)).isEqualTo(999);
    assertThat(OpenLoad.percentile(sorted, 100)).isEqualTo(1000);
    assertThat(OpenLoad.percentile(new long[] {7}, 99.9)).isEqualTo(7);
    assertThat(OpenLoad.percentile(new long[0], 50)).isZero();
  }

  @Test
  void onlyLoopbackTargetsAreAccepted() {
    assertThat(OpenLoad.loopback("http://127.0.0.1:8080/x").getPort()).isEqualTo(8080);
    assertThat(OpenLoad.loopback("http://[::1]:8080/x").getHost()).isEqualTo("[::1]");
    assertThatThrownBy(() -> OpenLoad.loopback("http://192.0.2.1:8080/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-loopback");
    assertThatThrownBy(() -> OpenLoad.loopback("https://127.0.0.1/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runsAreBounded() {
    assertThatThrownBy(
            () ->
                OpenLoad.parse(
                    new String[] {
                      "--url", "http://127.0.0.1:1/", "--rate", "10", "--duration", "31"
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                OpenLoad.parse(
                    new String[] {
                      "--url", "http://127.0.0.1:1/", "--rate", "50000", "--duration", "30"
                    }))
        .hasMessageContaining("at most");
  }

  @Test
  void aPageWithASectionNotFreshCachedOrStale_isDegraded() {
    String complete =
        "personalization;dur=0.0;desc=\"CACHED\", statistics;dur=0.1;desc=\"STALE\","
            + " activity;dur=1.2;desc=\"FRESH\", total;dur=1.4";

    assertThat(OpenLoad.degraded(complete)).isFalse();
    assertThat(OpenLoad.degraded(null)).isFalse();
    assertThat(OpenLoad.degraded(complete.replace("STALE", "CIRCUIT_OPEN"))).isTrue();
    assertThat(OpenLoad.degraded(complete.replace("FRESH", "TIMED_OUT"))).isTrue();
    assertThat(OpenLoad.degraded(complete.replace("CACHED", "FALLBACK"))).isTrue();
    assertThat(OpenLoad.degraded(complete.replace("FRESH", "SKIPPED"))).isTrue();
  }
}
