package dev.intropage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.model.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The layout extension point, and what the engine's builder and context give any section. */
class PageLayoutTest {
  private static final UserId ADA = UserId.of("ada");
  private static final SectionKey<String> ORDER = SectionKey.of("order", String.class);
  private static final SectionKey<String> NEWS = SectionKey.of("news", String.class);
  private static final SectionKey<String> WEATHER = SectionKey.of("weather", String.class);

  private final MutableClock clock = MutableClock.at("2026-11-27T09:00:00Z");
  private final List<IntroPageEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(IntroPageEngine::close);
  }

  private IntroPageEngine track(IntroPageEngine engine) {
    engines.add(engine);
    return engine;
  }

  private static SectionPolicy cachedFor(Duration ttl) {
    return SectionPolicy.builder().timeout(Duration.ofSeconds(5)).cacheTtl(ttl).build();
  }

  private static SectionPolicy uncached() {
    return SectionPolicy.builder()
        .cacheTtl(Duration.ZERO)
        .staleWhileRevalidate(Duration.ZERO)
        .maxStale(Duration.ZERO)
        .build();
  }

  /** A layout section whose value is a comma-separated order of the other sections. */
  private static PageLayout<String> commaOrder() {
    return PageLayout.of(ORDER, value -> List.of(value.split(",")));
  }

  @Test
  void coldLayout_loadsWithTheSectionsInOneRound_hiddenOnesLeftOffButCached() throws Exception {
    // Every source waits until all three are loading at once: a layout loaded before the sections
    // would wait alone and time out.
    CountDownLatch together = new CountDownLatch(3);
    Sources.Scripted weather = new Sources.Scripted("sunny");
    SectionSource<String> order =
        context -> {
          together.countDown();
          return together.await(5, TimeUnit.SECONDS) ? "news" : "timed out alone";
        };
    SectionSource<String> news =
        context -> {
          together.countDown();
          return together.await(5, TimeUnit.SECONDS) ? "headline" : "alone";
        };
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .pageDeadline(Duration.ofSeconds(10))
                .section(ORDER, order, cachedFor(Duration.ofMinutes(5)))
                .section(NEWS, news, cachedFor(Duration.ofMinutes(5)))
                .section(
                    WEATHER,
                    context -> {
                      together.countDown();
                      return weather.load(context);
                    },
                    cachedFor(Duration.ofMinutes(5)))
                .layout(commaOrder())
                .build());

    IntroPage cold = engine.assemble(PageRequest.of(ADA));

    assertThat(cold.sections()).extracting(r -> r.key().name()).containsExactly("order", "news");
    assertThat(cold.data(NEWS)).contains("headline");
    assertThat(weather.calls).hasValue(1);

    IntroPage warm = engine.assemble(PageRequest.of(ADA).withSections(Set.of("weather")));
    assertThat(warm.sections()).isEmpty();
    assertThat(weather.calls).hasValue(1);
  }

  @Test
  void cachedLayout_loadsOnlyTheSectionsItShows() {
    Sources.Scripted order = new Sources.Scripted("weather");
    Sources.Scripted news = new Sources.Scripted("headline");
    Sources.Scripted weather = new Sources.Scripted("sunny");
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .section(ORDER, order, cachedFor(Duration.ofMinutes(5)))
                .section(NEWS, news, uncached())
                .section(WEATHER, weather, uncached())
                .layout(commaOrder())
                .build());
    engine.assemble(PageRequest.of(ADA));

    IntroPage page = engine.assemble(PageRequest.of(ADA));

    assertThat(page.sections())
        .extracting(r -> r.key().name(), SectionResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("order", SectionStatus.CACHED),
            org.assertj.core.groups.Tuple.tuple("weather", SectionStatus.FRESH));
    assertThat(news.calls).hasValue(1);
    assertThat(weather.calls).hasValue(2);
  }

  @Test
  void layoutNamesUnknownAndRepeatedSections_ignored() {
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .section(ORDER, c -> "weather,nope,weather,order,news", cachedFor(Duration.ZERO))
                .section(NEWS, c -> "headline", cachedFor(Duration.ZERO))
                .section(WEATHER, c -> "sunny", cachedFor(Duration.ZERO))
                .layout(commaOrder())
                .build());

    assertThat(engine.assemble(PageRequest.of(ADA)).sections())
        .extracting(r -> r.key().name())
        .containsExactly("order", "weather", "news");
  }

  @Test
  void servedAs_adaptsValuesNotFreshFromTheSource() {
    Section<String> greeting =
        Section.of(NEWS, c -> "loaded", cachedFor(Duration.ofMinutes(5)))
            .servedAs((value, context) -> value + " at " + context.now());
    IntroPageEngine engine =
        track(IntroPageEngine.builder().clock(clock).section(greeting).build());

    assertThat(engine.assemble(PageRequest.of(ADA)).data(NEWS)).contains("loaded");
    clock.advance(Duration.ofMinutes(1));
    assertThat(engine.assemble(PageRequest.of(ADA)).data(NEWS))
        .contains("loaded at 2026-11-27T09:01:00Z");
  }

  @Test
  void context_tellsEverySectionOfTheEngineWithItsBreaker() {
    List<List<SectionHealth>> seen = new CopyOnWriteArrayList<>();
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .section(
                    NEWS,
                    c -> {
                      seen.add(c.sections());
                      return "n";
                    },
                    cachedFor(Duration.ZERO))
                .section(
                    WEATHER,
                    c -> "w",
                    SectionPolicy.builder().criticality(Criticality.REQUIRED).build())
                .build());

    engine.assemble(PageRequest.of(ADA));

    assertThat(seen.get(0))
        .extracting(SectionHealth::section, SectionHealth::criticality, SectionHealth::breaker)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("news", Criticality.STANDARD, BreakerState.CLOSED),
            org.assertj.core.groups.Tuple.tuple(
                "weather", Criticality.REQUIRED, BreakerState.CLOSED));
    assertThat(new SectionContext(engine.viewer(ADA), clock.instant()).sections()).isEmpty();
  }

  @Test
  void listeners_composeInTheOrderAdded() {
    List<String> heard = new CopyOnWriteArrayList<>();
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .section(NEWS, c -> "n", cachedFor(Duration.ZERO))
                .listener(
                    new EngineListener() {
                      @Override
                      public void pageFinished(IntroPage page) {
                        heard.add("first");
                        throw new IllegalStateException("a failing listener");
                      }
                    })
                .listener(
                    new EngineListener() {
                      @Override
                      public void pageFinished(IntroPage page) {
                        heard.add("second");
                      }
                    })
                .build());

    engine.assemble(PageRequest.of(ADA));

    assertThat(heard).containsExactly("first", "second");
  }

  @Test
  void oneBuilder_buildsIndependentEngines() {
    Sources.Scripted news = new Sources.Scripted("n");
    news.fail(new IllegalStateException("down"));
    var builder =
        IntroPageEngine.builder()
            .clock(clock)
            .section(
                NEWS,
                news,
                SectionPolicy.builder()
                    .cacheTtl(Duration.ZERO)
                    .circuitBreaker(1, Duration.ofMinutes(5))
                    .build());
    IntroPageEngine first = track(builder.build());
    first.assemble(PageRequest.of(ADA));
    IntroPageEngine second =
        track(builder.section(WEATHER, c -> "w", cachedFor(Duration.ZERO)).build());

    assertThat(first.health())
        .extracting(SectionHealth::breaker)
        .containsExactly(BreakerState.OPEN);
    assertThat(first.sections()).containsExactly("news");
    assertThat(second.health())
        .extracting(SectionHealth::breaker)
        .containsExactly(BreakerState.CLOSED, BreakerState.CLOSED);
  }

  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void sectionAndLayout_rejectMissingParts() {
    assertThatThrownBy(() -> Section.of(NEWS, null, SectionPolicy.defaults()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source");
    assertThatThrownBy(() -> PageLayout.of(ORDER, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("order");
    Section<String> section = Section.of(NEWS, c -> "n", SectionPolicy.defaults());
    assertThat(section.withPolicy(cachedFor(Duration.ZERO)).policy().cacheTtl()).isZero();
    assertThat(section.key()).isEqualTo(NEWS);
    assertThat(section).hasToString("Section[news]");
  }
}
