package dev.intropage.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intropage.core.IntroPage;
import dev.intropage.core.SectionError;
import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionResult;
import dev.intropage.core.SectionResult.ValueSource;
import dev.intropage.core.SectionStatus;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.Views.PageView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Pages made by hand for the tests of the page's JSON: the writer, the tagger, the fragments. */
final class PageFixtures {
  private PageFixtures() {}

  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  static final SectionKey<Counted> WEATHER = SectionKey.of("weather", Counted.class);
  static final SectionKey<Counted> NEWS = SectionKey.of("news", Counted.class);

  /** Section data that counts how often it is written. */
  static final class Counted {
    final AtomicInteger writes = new AtomicInteger();
    private final String text;

    Counted(String text) {
      this.text = text;
    }

    @JsonProperty
    String text() {
      writes.incrementAndGet();
      return text;
    }

    @JsonProperty
    List<Integer> numbers() {
      return List.of(1, 2, 3);
    }
  }

  /** A section served from the cache, or timed out without data when {@code data} is null. */
  static SectionResult<Counted> cached(
      SectionKey<Counted> key, @Nullable Counted data, Duration age) {
    return new SectionResult<>(
        key,
        data == null ? SectionStatus.TIMED_OUT : SectionStatus.CACHED,
        Optional.ofNullable(data),
        data == null ? ValueSource.NONE : ValueSource.CACHE,
        age,
        Duration.ofMillis(age.toMillis() % 7),
        data == null
            ? Optional.of(new SectionError("SECTION_TIMEOUT", "too slow", "reload"))
            : Optional.empty());
  }

  /** A section with neither data nor an error, as a skipped one. */
  static SectionResult<Counted> empty(SectionKey<Counted> key) {
    return new SectionResult<>(
        key,
        SectionStatus.SKIPPED,
        Optional.empty(),
        ValueSource.NONE,
        Duration.ZERO,
        Duration.ZERO,
        Optional.empty());
  }

  static IntroPage page(String user, List<SectionResult<?>> sections, Duration elapsed) {
    return new IntroPage(UserId.of(user), NOW.plus(elapsed), sections, elapsed);
  }

  /** What the mapper writes for the page with every section's data written in place. */
  static byte[] mapperBytes(ObjectMapper mapper, IntroPage page) throws Exception {
    return mapper.writeValueAsBytes(PageView.of(page, data -> data));
  }
}
