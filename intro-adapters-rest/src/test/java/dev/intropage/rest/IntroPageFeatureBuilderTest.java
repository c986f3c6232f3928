package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionStatus;
import dev.intropage.core.model.UserId;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builder validation, and the statistics' bounded window. */
class IntroPageFeatureBuilderTest {
  @Test
  void build_withoutEngineOrVerifier_failsFast() {
    assertThatThrownBy(() -> IntroPageFeature.builder().verifier(TestApp::verify).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine");
  }

  @Test
  void eventsHeartbeat_notPositive_isRefused() {
    IntroPageFeature.Builder builder = IntroPageFeature.builder();

    assertThatThrownBy(() -> builder.eventsHeartbeat(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventsHeartbeat");
    assertThatThrownBy(() -> builder.eventsHeartbeat(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maxEventStreamsPerUser_belowOne_isRefused() {
    assertThatThrownBy(() -> IntroPageFeature.builder().maxEventStreamsPerUser(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEventStreamsPerUser");
  }

  @Test
  void stats_isOneObjectPerBuilder() {
    IntroPageFeature.Builder builder = IntroPageFeature.builder();

    assertThat(builder.stats()).isSameAs(builder.stats());
  }

  @Test
  void stats_percentilesCoverOnlyTheLatestWindow() {
    EngineStats stats = new EngineStats(Clock.systemUTC());
    SectionKey<String> key = SectionKey.of("slow", String.class);
    for (int i = 0; i < EngineStats.WINDOW; i++) {
      stats.sectionFinished(key, UserId.of("ada"), SectionStatus.FRESH, Duration.ofMillis(500));
    }
    for (int i = 1; i <= EngineStats.WINDOW; i++) {
      stats.sectionFinished(key, UserId.of("ada"), SectionStatus.CACHED, Duration.ofMillis(i));
    }

    EngineStats.SectionSnapshot slow =
        java.util.Objects.requireNonNull(stats.snapshot().sections().get("slow"));

    assertThat(slow.latency().count()).isEqualTo(EngineStats.WINDOW);
    assertThat(slow.latency().p50Millis()).isEqualTo(512.0);
    assertThat(slow.latency().p99Millis()).isEqualTo(1014.0);
    assertThat(slow.latency().maxMillis()).isEqualTo(1024.0);
    assertThat(slow.statuses()).containsEntry("FRESH", 1024L).containsEntry("CACHED", 1024L);
  }
}
