package dev.intropage.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionStatus;
import dev.intropage.core.model.UserId;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The section timer measures what a page waited for a section's load, not cache lookups. */
class MicrometerListenerTest {
  private static final SectionKey<String> NEWS = SectionKey.of("news", String.class);
  private static final UserId ADA = UserId.of("ada");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerListener listener = new MicrometerListener(registry);

  private long timed(SectionStatus status) {
    Timer timer =
        registry
            .find("intro.section.duration")
            .tag("section", "news")
            .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
            .timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void loadsAndTheirFailures_areTimed() {
    listener.sectionFinished(NEWS, ADA, SectionStatus.FRESH, Duration.ofMillis(12));
    listener.sectionFinished(NEWS, ADA, SectionStatus.TIMED_OUT, Duration.ofMillis(100));

    assertThat(timed(SectionStatus.FRESH)).isOne();
    assertThat(timed(SectionStatus.TIMED_OUT)).isOne();
  }

  @Test
  void valuesServedFromTheCache_areCountedByTheCacheMetersOnly() {
    listener.sectionFinished(NEWS, ADA, SectionStatus.CACHED, Duration.ZERO);
    listener.sectionFinished(NEWS, ADA, SectionStatus.STALE, Duration.ZERO);
    listener.cacheHit(NEWS);
    listener.cacheStale(NEWS);

    assertThat(timed(SectionStatus.CACHED)).isZero();
    assertThat(timed(SectionStatus.STALE)).isZero();
    assertThat(
            registry.find("intro.cache.requests").tag("section", "news").counters().stream()
                .mapToDouble(c -> c.count())
                .sum())
        .isEqualTo(2.0);
  }
}
