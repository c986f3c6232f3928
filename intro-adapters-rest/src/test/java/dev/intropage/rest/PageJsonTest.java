package dev.intropage.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The page's JSON and validator. The data of a cached section is the same object on every page, so
 * it is written once; what the client receives is exactly what writing it every time gives.
 */
class PageJsonTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final SectionKey<Counted> WEATHER = SectionKey.of("weather", Counted.class);
  private static final SectionKey<Counted> NEWS = SectionKey.of("news", Counted.class);

  private final ObjectMapper mapper = Json.mapper();
  private final PageJson json = new PageJson(mapper);

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

  private static SectionResult<Counted> cached(
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

  private static IntroPage page(String user, List<SectionResult<?>> sections, Duration elapsed) {
    return new IntroPage(UserId.of(user), NOW.plus(elapsed), sections, elapsed);
  }

  /** The page as the contract's mapper writes it with every section's data written in place. */
  private Map<String, Object> expected(IntroPage page) {
    List<Object> sections = new ArrayList<>();
    for (SectionResult<?> result : page.sections()) {
      Map<String, Object> section = new LinkedHashMap<>();
      section.put("key", result.key().name());
      section.put("status", result.status().name());
      section.put("data", result.data().orElse(null));
      section.put("source", result.source().name());
      section.put("ageMillis", result.age().toMillis());
      section.put("elapsedMillis", result.elapsed().toMillis());
      section.put(
          "error",
          result
              .error()
              .map(
                  e -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("code", e.code());
                    error.put("message", e.message());
                    error.put("hint", e.hint());
                    return error;
                  })
              .orElse(null));
      sections.add(section);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("userId", page.user().value());
    view.put("assembledAt", page.assembledAt());
    view.put("elapsedMillis", page.elapsed().toMillis());
    view.put("sections", sections);
    return view;
  }

  /** What the contract's mapper writes for the page with every section's data in place. */
  private byte[] mapperBytes(IntroPage page) throws Exception {
    return mapper.writeValueAsBytes(PageView.of(page, data -> data));
  }

  @Test
  void bytes_sameDataOnTwoPages_writtenOnceAndEqualToWritingItEachTime() throws Exception {
    Counted weather = new Counted("sunny, \"warm\" — 21 °C");
    Counted news = new Counted("nothing new");
    IntroPage first =
        page(
            "ada",
            List.of(
                cached(WEATHER, weather, Duration.ofMillis(5)), cached(NEWS, news, Duration.ZERO)),
            Duration.ofMillis(3));
    IntroPage second =
        page(
            "ada",
            List.of(
                cached(WEATHER, weather, Duration.ofMillis(905)),
                cached(NEWS, news, Duration.ofMillis(900))),
            Duration.ofMillis(1));

    byte[] firstBytes = json.bytes(json.tagged(first).view());
    byte[] secondBytes = json.bytes(json.tagged(second).view());

    assertThat(weather.writes.get()).isEqualTo(1);
    assertThat(news.writes.get()).isEqualTo(1);
    assertThat(mapper.readTree(firstBytes))
        .isEqualTo(mapper.readTree(mapper.writeValueAsBytes(expected(first))));
    assertThat(mapper.readTree(secondBytes))
        .isEqualTo(mapper.readTree(mapper.writeValueAsBytes(expected(second))));
    // Byte for byte what the mapper writes with the data in place.
    assertThat(secondBytes).isEqualTo(mapperBytes(second));
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
      assertThat(new String(json.bytes(json.tagged(page).view()), UTF_8))
          .isEqualTo(new String(mapperBytes(page), UTF_8));
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

      assertThat(new String(json.bytes(view), UTF_8))
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

      assertThat(new String(json.bytes(view), UTF_8))
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
    PageJson pages = new PageJson(counting);
    Counted weather = new Counted("sunny");
    IntroPage first =
        page("ada", List.of(cached(WEATHER, weather, Duration.ZERO)), Duration.ofMillis(1));
    IntroPage second =
        page("ada", List.of(cached(WEATHER, weather, Duration.ofSeconds(1))), Duration.ZERO);
    pages.bytes(pages.tagged(first).view());
    int afterFirst = written.get();

    byte[] body = pages.bytes(pages.tagged(second).view());

    assertThat(written.get()).isEqualTo(afterFirst);
    assertThat(body).isEqualTo(mapperBytes(second));
  }

  @Test
  void bytes_aSectionsDataReplacedOrMoved_theUsersNextPageWritesTheNewData() throws Exception {
    Counted sunny = new Counted("sunny");
    Counted rain = new Counted("rain");
    Counted calm = new Counted("calm");
    List<IntroPage> pages =
        List.of(
            page(
                "ada",
                List.of(cached(WEATHER, sunny, Duration.ZERO), cached(NEWS, calm, Duration.ZERO)),
                Duration.ZERO),
            page(
                "ada",
                List.of(cached(WEATHER, rain, Duration.ZERO), cached(NEWS, calm, Duration.ZERO)),
                Duration.ZERO),
            page(
                "ada",
                List.of(cached(WEATHER, null, Duration.ZERO), cached(NEWS, sunny, Duration.ZERO)),
                Duration.ZERO),
            page("ada", List.of(cached(NEWS, rain, Duration.ZERO)), Duration.ZERO),
            page(
                "grace",
                List.of(cached(WEATHER, calm, Duration.ZERO), cached(NEWS, rain, Duration.ZERO)),
                Duration.ZERO),
            page(
                "ada",
                List.of(cached(WEATHER, calm, Duration.ZERO), cached(NEWS, rain, Duration.ZERO)),
                Duration.ZERO));

    int writtenByPageJson = 0;
    for (IntroPage page : pages) {
      int before = sunny.writes.get() + rain.writes.get() + calm.writes.get();
      String body = new String(json.bytes(json.tagged(page).view()), UTF_8);
      writtenByPageJson += sunny.writes.get() + rain.writes.get() + calm.writes.get() - before;

      assertThat(body).isEqualTo(new String(mapperBytes(page), UTF_8));
    }
    assertThat(writtenByPageJson).as("each object written once").isEqualTo(3);
  }

  @Test
  void tag_sameContent_sameTagWhateverTheAgesAndTimings() {
    Counted weather = new Counted("sunny");
    IntroPage early =
        page("ada", List.of(cached(WEATHER, weather, Duration.ZERO)), Duration.ofMillis(2));
    IntroPage late =
        page("ada", List.of(cached(WEATHER, weather, Duration.ofSeconds(9))), Duration.ofMillis(8));

    assertThat(tag(late)).isEqualTo(tag(early));
  }

  @Test
  void tag_equalDataInAnotherObject_sameTag() {
    IntroPage one =
        page("ada", List.of(cached(WEATHER, new Counted("sunny"), Duration.ZERO)), Duration.ZERO);
    IntroPage other =
        page("ada", List.of(cached(WEATHER, new Counted("sunny"), Duration.ZERO)), Duration.ZERO);

    assertThat(tag(other)).isEqualTo(tag(one));
  }

  @Test
  void tag_anythingThePageSaysDiffers_anotherTag() {
    Counted sunny = new Counted("sunny");
    String base = tag(page("ada", List.of(cached(WEATHER, sunny, Duration.ZERO)), Duration.ZERO));

    assertThat(
            List.of(
                tag(
                    page(
                        "ada",
                        List.of(cached(WEATHER, new Counted("rain"), Duration.ZERO)),
                        Duration.ZERO)),
                tag(page("grace", List.of(cached(WEATHER, sunny, Duration.ZERO)), Duration.ZERO)),
                tag(page("ada", List.of(cached(NEWS, sunny, Duration.ZERO)), Duration.ZERO)),
                tag(page("ada", List.of(cached(WEATHER, null, Duration.ZERO)), Duration.ZERO)),
                tag(
                    page(
                        "ada",
                        List.of(
                            cached(WEATHER, sunny, Duration.ZERO),
                            cached(NEWS, null, Duration.ZERO)),
                        Duration.ZERO))))
        .doesNotContain(base)
        .doesNotHaveDuplicates();
  }

  @Test
  void tag_isUrlSafeBase64Of18Bytes() {
    String tag =
        tag(page("ada", List.of(cached(WEATHER, new Counted("x"), Duration.ZERO)), Duration.ZERO));

    assertThat(tag).matches("[A-Za-z0-9_-]{24}");
  }

  @Test
  void tag_theUsersPreviousPageSaidTheSame_itsTagIsReused() {
    Counted weather = new Counted("sunny");
    String first =
        tag(page("ada", List.of(cached(WEATHER, weather, Duration.ZERO)), Duration.ofMillis(2)));
    String second =
        tag(page("ada", List.of(cached(WEATHER, weather, Duration.ofSeconds(3))), Duration.ZERO));

    assertThat(second).isSameAs(first);
  }

  @Test
  void tag_theUsersPagesInTurn_whatAFreshWriterComputesForEach() {
    Counted sunny = new Counted("sunny");
    Counted calm = new Counted("calm");
    SectionResult<Counted> failed =
        new SectionResult<>(
            NEWS,
            SectionStatus.FAILED,
            Optional.empty(),
            ValueSource.NONE,
            Duration.ZERO,
            Duration.ZERO,
            Optional.of(new SectionError("SECTION_FAILED", "broke", "retry")));
    List<List<SectionResult<?>>> turns =
        List.of(
            // The same data in the other section, neither with an error.
            List.of(cached(WEATHER, sunny, Duration.ZERO), empty(NEWS)),
            List.of(empty(WEATHER), cached(NEWS, sunny, Duration.ZERO)),
            List.of(cached(WEATHER, sunny, Duration.ZERO)),
            List.of(cached(WEATHER, sunny, Duration.ofSeconds(1))),
            // The same data object under another section's name.
            List.of(cached(NEWS, sunny, Duration.ZERO)),
            List.of(cached(WEATHER, sunny, Duration.ZERO), cached(NEWS, null, Duration.ZERO)),
            // The same data, but another error code.
            List.of(cached(WEATHER, sunny, Duration.ZERO), failed),
            // The same data in another section, the same sections in another order.
            List.of(failed, cached(WEATHER, sunny, Duration.ZERO)),
            List.of(cached(WEATHER, null, Duration.ZERO), cached(NEWS, sunny, Duration.ZERO)),
            List.of(cached(WEATHER, calm, Duration.ZERO), cached(NEWS, sunny, Duration.ZERO)),
            List.of(cached(WEATHER, calm, Duration.ZERO), cached(NEWS, sunny, Duration.ZERO)),
            List.of());

    for (List<SectionResult<?>> sections : turns) {
      IntroPage page = page("ada", sections, Duration.ZERO);

      assertThat(tag(page))
          .as("tag of %s", sections)
          .isEqualTo(new PageJson(mapper).tagged(page).tag());
    }
  }

  /** A section with neither data nor an error, as a skipped one. */
  private static SectionResult<Counted> empty(SectionKey<Counted> key) {
    return new SectionResult<>(
        key,
        SectionStatus.SKIPPED,
        Optional.empty(),
        ValueSource.NONE,
        Duration.ZERO,
        Duration.ZERO,
        Optional.empty());
  }

  private String tag(IntroPage page) {
    return json.tagged(page).tag();
  }
}
