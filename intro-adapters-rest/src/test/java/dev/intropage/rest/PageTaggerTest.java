package dev.intropage.rest;

import static dev.intropage.rest.PageFixtures.Counted;
import static dev.intropage.rest.PageFixtures.NEWS;
import static dev.intropage.rest.PageFixtures.WEATHER;
import static dev.intropage.rest.PageFixtures.cached;
import static dev.intropage.rest.PageFixtures.empty;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The page's validator covers what the page says and nothing else, and is reused while the user's
 * pages say the same; the view it comes with carries every section's current data.
 */
class PageTaggerTest {
  private final ObjectMapper mapper = Json.mapper();
  private final PageTagger tagger = new PageTagger(new SectionFragments(mapper));
  private final PageWriter writer = new PageWriter(mapper);

  private String tag(IntroPage page) {
    return tagger.tagged(page).tag();
  }

  @Test
  void tagged_aSectionsDataReplacedOrMoved_theUsersNextPageCarriesTheNewData() throws Exception {
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

    int writtenByTagger = 0;
    for (IntroPage page : pages) {
      int before = sunny.writes.get() + rain.writes.get() + calm.writes.get();
      String body = new String(writer.bytes(tagger.tagged(page).view()), UTF_8);
      writtenByTagger += sunny.writes.get() + rain.writes.get() + calm.writes.get() - before;

      assertThat(body).isEqualTo(new String(mapperBytes(mapper, page), UTF_8));
    }
    assertThat(writtenByTagger).as("each object written once").isEqualTo(3);
  }

  @Test
  void tagged_carriesThePageItTagged() {
    IntroPage page =
        page("ada", List.of(cached(WEATHER, new Counted("x"), Duration.ZERO)), Duration.ZERO);

    assertThat(tagger.tagged(page).page()).isSameAs(page);
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
  void tag_theUsersPagesInTurn_whatAFreshTaggerComputesForEach() {
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
          .isEqualTo(new PageTagger(new SectionFragments(mapper)).tagged(page).tag());
    }
  }
}
