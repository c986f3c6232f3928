package dev.intropage.rest;

import static dev.intropage.rest.PageFixtures.Counted;
import static dev.intropage.rest.PageFixtures.NEWS;
import static dev.intropage.rest.PageFixtures.NOW;
import static dev.intropage.rest.PageFixtures.WEATHER;
import static dev.intropage.rest.PageFixtures.cached;
import static dev.intropage.rest.PageFixtures.mapperBytes;
import static dev.intropage.rest.PageFixtures.page;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intropage.core.IntroPage;
import dev.intropage.core.SectionError;
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
import org.junit.jupiter.api.Test;

/**
 * The page's JSON: with each section's data written in raw from its fragment, what the client
 * receives is byte for byte what the contract's mapper writes for the view with the data in place.
 */
class PageWriterTest {
  private final ObjectMapper mapper = Json.mapper();
  private final SectionFragments fragments = new SectionFragments(mapper);
  private final PageWriter writer = new PageWriter(mapper);

  private String written(IntroPage page) {
    return new String(writer.bytes(PageView.of(page, fragments::of)), UTF_8);
  }

  @Test
  void bytes_fragmentsOfCachedData_byteForByteWhatTheMapperWrites() throws Exception {
    Counted weather = new Counted("sunny, \"warm\" — 21 °C");
    Counted news = new Counted("nothing new");
    IntroPage page =
        page(
            "ada",
            List.of(
                cached(WEATHER, weather, Duration.ofMillis(905)),
                cached(NEWS, news, Duration.ofMillis(900))),
            Duration.ofMillis(1));

    assertThat(written(page)).isEqualTo(new String(mapperBytes(mapper, page), UTF_8));
  }

  @Test
  void bytes_aFragmentLargerThanTheGeneratorsBuffer_writtenWhole() throws Exception {
    IntroPage page =
        page(
            "ada",
            List.of(cached(WEATHER, new Counted("é".repeat(20_000)), Duration.ZERO)),
            Duration.ZERO);

    assertThat(written(page)).isEqualTo(new String(mapperBytes(mapper, page), UTF_8));
  }

  @Test
  void bytes_unusualTextAndNumbers_byteForByteWhatTheMapperWrites() throws Exception {
    List<IntroPage> pages =
        List.of(
            page("ada", List.of(), Duration.ZERO),
            page(
                "ada.lovelace@example.org:x-1_2",
                List.of(
                    cached(WEATHER, new Counted("\u0000\u001f\t\n \\ / \" é ☃ 𝄞"), Duration.ZERO),
                    cached(NEWS, null, Duration.ofDays(400))),
                Duration.ofMillis(Long.MAX_VALUE / 1_000_000_000)),
            new IntroPage(
                UserId.of("grace"),
                Instant.parse("1999-12-31T23:59:59.000000001Z"),
                List.of(
                    new SectionResult<>(
                        WEATHER,
                        SectionStatus.FAILED,
                        Optional.empty(),
                        ValueSource.NONE,
                        Duration.ZERO,
                        Duration.ofMillis(149),
                        Optional.of(
                            new SectionError(
                                "SECTION_FAILED", "said \"no\"\r\n\u2028", "<retry> & wait")))),
                Duration.ofNanos(999_999)),
            new IntroPage(
                UserId.of("h"),
                Instant.parse("2026-03-10T12:00:00.120Z"),
                List.of(cached(WEATHER, new Counted(""), Duration.ofMillis(1))),
                Duration.ofSeconds(2)));

    for (IntroPage page : pages) {
      assertThat(written(page)).isEqualTo(new String(mapperBytes(mapper, page), UTF_8));
    }
  }

  @Test
  void bytes_anyNumber_spelledAsTheMapperSpellsIt() throws Exception {
    long[] numbers = {
      0, 1, 9, 10, 99, 100, 12_345, 999_999_999_999L, Long.MAX_VALUE, -1, -10, Long.MIN_VALUE
    };
    for (long number : numbers) {
      PageView view =
          new PageView(
              "ada",
              NOW,
              number,
              List.of(
                  new Views.SectionView(
                      "weather", "CACHED", null, "CACHE", number, -number, null)));

      assertThat(new String(writer.bytes(view), UTF_8))
          .isEqualTo(new String(mapper.writeValueAsBytes(view), UTF_8));
    }
  }

  @Test
  void bytes_anyInstant_spelledAsTheMapperSpellsIt() throws Exception {
    List<Instant> instants =
        List.of(
            Instant.EPOCH,
            Instant.parse("2026-11-27T18:10:08Z"),
            Instant.parse("2026-11-27T18:10:08.100Z"),
            Instant.parse("2026-11-27T18:10:08.120Z"),
            Instant.parse("2026-11-27T18:10:08.123456Z"),
            Instant.parse("2026-11-27T18:10:08.000001Z"),
            Instant.parse("2026-11-27T18:10:08.000000001Z"),
            Instant.parse("2026-11-27T18:10:08.999999999Z"),
            Instant.parse("2026-11-27T18:10:09.5Z"),
            Instant.parse("2024-02-29T23:59:59.999Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("1969-12-31T23:59:59.5Z"),
            Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("+10000-01-01T00:00:00.25Z"),
            Instant.parse("-0001-06-01T12:00:00Z"),
            Instant.MAX,
            Instant.MIN);
    for (Instant instant : instants) {
      PageView view = new PageView("ada", instant, 0, List.of());

      assertThat(new String(writer.bytes(view), UTF_8))
          .as("%s", instant)
          .isEqualTo(new String(mapper.writeValueAsBytes(view), UTF_8));
    }
  }

  @Test
  void bytes_everySectionAlreadyWritten_theEnvelopeNeedsNoMapper() throws Exception {
    AtomicInteger written = new AtomicInteger();
    ObjectMapper counting =
        new ObjectMapper() {
          private static final long serialVersionUID = 1L;

          @Override
          public byte[] writeValueAsBytes(@Nullable Object value)
              throws com.fasterxml.jackson.core.JsonProcessingException {
            written.incrementAndGet();
            return mapper.writeValueAsBytes(value);
          }
        };
    SectionFragments kept = new SectionFragments(counting);
    PageWriter pages = new PageWriter(counting);
    Counted weather = new Counted("sunny");
    IntroPage first =
        page("ada", List.of(cached(WEATHER, weather, Duration.ZERO)), Duration.ofMillis(1));
    IntroPage second =
        page("ada", List.of(cached(WEATHER, weather, Duration.ofSeconds(1))), Duration.ZERO);
    pages.bytes(PageView.of(first, kept::of));
    int afterFirst = written.get();

    byte[] body = pages.bytes(PageView.of(second, kept::of));

    assertThat(written.get()).isEqualTo(afterFirst);
    assertThat(weather.writes.get()).isEqualTo(1);
    assertThat(body).isEqualTo(mapperBytes(mapper, second));
  }
}
