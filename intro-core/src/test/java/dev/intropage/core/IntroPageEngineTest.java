package dev.intropage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.SectionPolicy.CacheScope;
import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.SectionResult.ValueSource;
import dev.intropage.core.TrackingThreadFactory.ThreadMode;
import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntroPageEngineTest {
  private static final UserId ADA = UserId.of("ada");
  private static final UserId GRACE = UserId.of("grace");
  private static final SectionKey<String> NEWS = SectionKey.of("news", String.class);
  private static final SectionKey<String> WEATHER = SectionKey.of("weather", String.class);

  private final MutableClock clock = MutableClock.at("2026-11-27T09:00:00Z");
  private final List<IntroPageEngine> engines = new ArrayList<>();

  @AfterEach
  void closeEngines() {
    engines.forEach(IntroPageEngine::close);
  }

  private IntroPageEngine track(IntroPageEngine engine) {
    engines.add(engine);
    return engine;
  }

  private static SectionPolicy.Builder policy() {
    return SectionPolicy.builder()
        .timeout(Duration.ofSeconds(2))
        .cacheTtl(Duration.ofSeconds(30))
        .staleWhileRevalidate(Duration.ZERO)
        .maxStale(Duration.ofMinutes(10));
  }

  private IntroPageEngine.Builder builder() {
    return IntroPageEngine.builder().clock(clock);
  }

  /** An engine with NEWS cached per user and WEATHER cached once for everyone. */
  private IntroPageEngine userNewsAndSharedWeather(
      Sources.Scripted news, Sources.Scripted weather) {
    return track(
        builder()
            .section(NEWS, news, policy().build())
            .section(WEATHER, weather, policy().scope(CacheScope.GLOBAL).build())
            .build());
  }

  private static <T> SectionResult<T> result(
      IntroPageEngine engine, UserId user, SectionKey<T> key) {
    return engine.assemble(PageRequest.of(user)).section(key).orElseThrow();
  }

  private static SectionHealth newsHealth(IntroPageEngine engine) {
    return engine.health().stream()
        .filter(h -> h.section().equals("news"))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class Parallelism {
    @ParameterizedTest
    @EnumSource(ThreadMode.class)
    void assemble_sixSectionsOf50ms_takeAbout50msNot300(ThreadMode mode) {
      var builder =
          builder()
              .threadFactory(TrackingThreadFactory.of(mode))
              .pageDeadline(Duration.ofSeconds(5));
      for (int i = 0; i < 6; i++) {
        Sources.Scripted source = new Sources.Scripted("s" + i);
        source.answerAfter("s" + i, Duration.ofMillis(50));
        builder.section(SectionKey.of("s" + i, String.class), source, policy().build());
      }
      IntroPageEngine engine = track(builder.build());

      IntroPage page = engine.assemble(PageRequest.of(ADA));

      assertThat(page.sections())
          .hasSize(6)
          .allMatch(r -> r.status() == SectionStatus.FRESH, "every section fresh");
      assertThat(page.elapsed())
          .isGreaterThanOrEqualTo(Duration.ofMillis(50))
          .isLessThan(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @EnumSource(ThreadMode.class)
    void assemble_sectionsRunAtTheSameTime(ThreadMode mode) {
      CountDownLatch allRunning = new CountDownLatch(6);
      var builder =
          builder()
              .threadFactory(TrackingThreadFactory.of(mode))
              .pageDeadline(Duration.ofSeconds(10));
      for (int i = 0; i < 6; i++) {
        builder.section(
            SectionKey.of("s" + i, String.class),
            context -> {
              allRunning.countDown();
              return allRunning.await(5, TimeUnit.SECONDS) ? "together" : "alone";
            },
            policy().timeout(Duration.ofSeconds(10)).build());
      }
      IntroPage page = track(builder.build()).assemble(PageRequest.of(ADA));

      List<Object> values =
          page.sections().stream().map(r -> (Object) r.data().orElseThrow()).toList();
      assertThat(values).containsOnly("together");
    }
  }

  @Nested
  class Timeouts {
    @ParameterizedTest
    @EnumSource(ThreadMode.class)
    void assemble_sectionNeverReturns_pageByDeadlineWithFallbackAndNoThreadLeft(ThreadMode mode) {
      TrackingThreadFactory threads = TrackingThreadFactory.of(mode);
      Sources.Scripted stuck = new Sources.Scripted("v1");
      Sources.Scripted fine = new Sources.Scripted("fine");
      IntroPageEngine engine =
          track(
              builder()
                  .threadFactory(threads)
                  .pageDeadline(Duration.ofMillis(100))
                  .section(
                      NEWS, stuck, policy().timeout(Duration.ofSeconds(1)).build(), c -> "default")
                  .section(WEATHER, fine, policy().build())
                  .build());
      stuck.block();

      IntroPage page = engine.assemble(PageRequest.of(ADA));

      assertThat(page.elapsed()).isLessThan(Duration.ofMillis(100 + 400));
      SectionResult<String> news = page.section(NEWS).orElseThrow();
      assertThat(news.status()).isEqualTo(SectionStatus.TIMED_OUT);
      assertThat(news.data()).contains("default");
      assertThat(news.source()).isEqualTo(ValueSource.DEFAULT);
      assertThat(news.error().orElseThrow().code()).isEqualTo("SECTION_TIMEOUT");
      assertThat(page.section(WEATHER).orElseThrow().status()).isEqualTo(SectionStatus.FRESH);
      assertThat(stuck.interrupted).isTrue();
      assertThat(threads.started()).isPositive();
      assertThat(threads.alive()).isEmpty();
      assertThat(page.degraded()).isTrue();
    }

    @Test
    void assemble_sectionTimesOut_returnsLastGoodValue() {
      Sources.Scripted news = new Sources.Scripted("v1");
      IntroPageEngine engine =
          track(
              builder()
                  .pageDeadline(Duration.ofSeconds(5))
                  .section(NEWS, news, policy().timeout(Duration.ofMillis(50)).build())
                  .build());
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofMinutes(1));
      news.block();

      SectionResult<String> result = result(engine, ADA, NEWS);

      assertThat(result.status()).isEqualTo(SectionStatus.TIMED_OUT);
      assertThat(result.data()).contains("v1");
      assertThat(result.source()).isEqualTo(ValueSource.LAST_GOOD);
      assertThat(result.age()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void assemble_requestDeadlineTighterThanEngine_applies() {
      Sources.Scripted news = new Sources.Scripted("v1");
      news.block();
      IntroPageEngine engine =
          track(
              builder()
                  .pageDeadline(Duration.ofSeconds(30))
                  .section(NEWS, news, policy().timeout(Duration.ofSeconds(30)).build())
                  .build());

      IntroPage page = engine.assemble(PageRequest.of(ADA).withDeadline(Duration.ofMillis(50)));

      assertThat(page.elapsed()).isLessThan(Duration.ofSeconds(5));
      assertThat(page.section(NEWS).orElseThrow().status()).isEqualTo(SectionStatus.TIMED_OUT);
      assertThat(page.section(NEWS).orElseThrow().usable()).isFalse();
    }
  }

  @Nested
  class Failures {
    @Test
    void assemble_sectionThrows_lastGoodAsFallbackOthersUntouchedFailureNotCached() {
      Sources.Scripted news = new Sources.Scripted("v1");
      Sources.Scripted weather = new Sources.Scripted("sunny");
      IntroPageEngine engine =
          track(
              builder()
                  .section(NEWS, news, policy().build())
                  .section(WEATHER, weather, policy().cacheTtl(Duration.ofHours(1)).build())
                  .build());
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofMinutes(1));
      news.fail(new IllegalStateException("database gone"));

      IntroPage degraded = engine.assemble(PageRequest.of(ADA));

      SectionResult<String> fallback = degraded.section(NEWS).orElseThrow();
      assertThat(fallback.status()).isEqualTo(SectionStatus.FALLBACK);
      assertThat(fallback.data()).contains("v1");
      assertThat(fallback.source()).isEqualTo(ValueSource.LAST_GOOD);
      assertThat(fallback.error().orElseThrow().code()).isEqualTo("SECTION_FAILED");
      assertThat(fallback.error().orElseThrow().message()).doesNotContain("database gone");
      assertThat(degraded.section(WEATHER).orElseThrow().status()).isEqualTo(SectionStatus.CACHED);

      news.answer("v2");
      SectionResult<String> recovered = result(engine, ADA, NEWS);
      assertThat(recovered.status()).isEqualTo(SectionStatus.FRESH);
      assertThat(recovered.data()).contains("v2");
      assertThat(news.calls).hasValue(3);
    }

    @Test
    void assemble_sectionThrowsWithNothingToStandIn_failedWithoutData() {
      Sources.Scripted news = new Sources.Scripted("v1");
      news.fail(new IllegalStateException("boom"));
      IntroPageEngine engine = track(builder().section(NEWS, news, policy().build()).build());

      SectionResult<String> result = result(engine, ADA, NEWS);

      assertThat(result.status()).isEqualTo(SectionStatus.FAILED);
      assertThat(result.source()).isEqualTo(ValueSource.NONE);
      assertThat(result.data()).isEmpty();
    }

    @Test
    void assemble_lastGoodOlderThanMaxStale_usesDefault() {
      Sources.Scripted news = new Sources.Scripted("v1");
      IntroPageEngine engine =
          track(
              builder()
                  .section(
                      NEWS,
                      news,
                      policy()
                          .cacheTtl(Duration.ofSeconds(10))
                          .maxStale(Duration.ofMinutes(1))
                          .build(),
                      c -> "default")
                  .build());
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofSeconds(71));
      news.fail(new IllegalStateException("boom"));

      SectionResult<String> result = result(engine, ADA, NEWS);

      assertThat(result.status()).isEqualTo(SectionStatus.FALLBACK);
      assertThat(result.source()).isEqualTo(ValueSource.DEFAULT);
      assertThat(result.data()).contains("default");
    }

    @Test
    void assemble_defaultItselfFails_failedWithoutData() {
      Sources.Scripted news = new Sources.Scripted("v1");
      news.fail(new IllegalStateException("boom"));
      IntroPageEngine engine =
          track(
              builder()
                  .section(
                      NEWS,
                      news,
                      policy().build(),
                      c -> {
                        throw new IllegalStateException("no default either");
                      })
                  .build());

      assertThat(result(engine, ADA, NEWS).status()).isEqualTo(SectionStatus.FAILED);
    }

    @Test
    void assemble_requiredSectionWithoutValue_failsThePageSayingWhy() {
      Sources.Scripted news = new Sources.Scripted("v1");
      news.fail(new IllegalStateException("boom"));
      List<RuntimeException> failures = new CopyOnWriteArrayList<>();
      IntroPageEngine engine =
          track(
              builder()
                  .listener(
                      new EngineListener() {
                        @Override
                        public void pageFailed(UserId user, Duration elapsed, RuntimeException f) {
                          failures.add(f);
                        }
                      })
                  .section(NEWS, news, policy().criticality(Criticality.REQUIRED).build())
                  .section(WEATHER, new Sources.Scripted("sunny"), policy().build())
                  .build());

      assertThatThrownBy(() -> engine.assemble(PageRequest.of(ADA)))
          .isInstanceOfSatisfying(
              RequiredSectionUnavailableException.class,
              e -> {
                assertThat(e.section()).isEqualTo("news");
                assertThat(e.status()).isEqualTo(SectionStatus.FAILED);
                assertThat(e.error().code()).isEqualTo("SECTION_FAILED");
                assertThat(e.getMessage()).contains("required section 'news'");
              });
      assertThat(failures).hasSize(1);
    }

    @Test
    void assemble_requiredSectionWithLastGood_servedDegraded() {
      Sources.Scripted news = new Sources.Scripted("v1");
      IntroPageEngine engine =
          track(
              builder()
                  .section(NEWS, news, policy().criticality(Criticality.REQUIRED).build())
                  .build());
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofMinutes(1));
      news.fail(new IllegalStateException("boom"));

      assertThat(engine.assemble(PageRequest.of(ADA)).data(NEWS)).contains("v1");
    }
  }

  @Nested
  class CircuitBreaking {
    @Test
    void breaker_opensAfterThreshold_skipsSource_halfOpensAfterDelayByTheClock() {
      Sources.Scripted news = new Sources.Scripted("v1");
      List<String> transitions = new CopyOnWriteArrayList<>();
      IntroPageEngine engine =
          track(
              builder()
                  .listener(
                      new EngineListener() {
                        @Override
                        public void breakerTransition(
                            SectionKey<?> section, BreakerState from, BreakerState to) {
                          transitions.add(section + ":" + from + "->" + to);
                        }
                      })
                  .section(
                      NEWS,
                      news,
                      policy()
                          .cacheTtl(Duration.ZERO)
                          .maxStale(Duration.ZERO)
                          .circuitBreaker(3, Duration.ofSeconds(30))
                          .build(),
                      c -> "default")
                  .build());
      news.fail(new IllegalStateException("down"));
      for (int i = 0; i < 3; i++) {
        assertThat(result(engine, ADA, NEWS).status()).isEqualTo(SectionStatus.FALLBACK);
      }
      assertThat(newsHealth(engine).breaker()).isEqualTo(BreakerState.OPEN);

      SectionResult<String> open = result(engine, ADA, NEWS);
      assertThat(open.status()).isEqualTo(SectionStatus.CIRCUIT_OPEN);
      assertThat(open.data()).contains("default");
      assertThat(open.error().orElseThrow().code()).isEqualTo("CIRCUIT_OPEN");
      assertThat(news.calls).hasValue(3);

      clock.advance(Duration.ofSeconds(29));
      assertThat(result(engine, ADA, NEWS).status()).isEqualTo(SectionStatus.CIRCUIT_OPEN);
      assertThat(news.calls).hasValue(3);

      clock.advance(Duration.ofSeconds(1));
      news.answer("back");
      SectionResult<String> trial = result(engine, ADA, NEWS);
      assertThat(trial.status()).isEqualTo(SectionStatus.FRESH);
      assertThat(trial.data()).contains("back");
      assertThat(news.calls).hasValue(4);
      assertThat(newsHealth(engine).breaker()).isEqualTo(BreakerState.CLOSED);
      assertThat(transitions)
          .containsExactly("news:CLOSED->OPEN", "news:OPEN->HALF_OPEN", "news:HALF_OPEN->CLOSED");
    }

    @Test
    void breaker_trialCallFails_reopensForAnotherDelay() {
      Sources.Scripted news = new Sources.Scripted("v1");
      IntroPageEngine engine =
          track(
              builder()
                  .section(
                      NEWS,
                      news,
                      policy()
                          .cacheTtl(Duration.ZERO)
                          .maxStale(Duration.ZERO)
                          .circuitBreaker(1, Duration.ofSeconds(10))
                          .build())
                  .build());
      news.fail(new IllegalStateException("down"));
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofSeconds(10));
      engine.assemble(PageRequest.of(ADA));
      assertThat(news.calls).hasValue(2);
      assertThat(newsHealth(engine).breaker()).isEqualTo(BreakerState.OPEN);

      clock.advance(Duration.ofSeconds(9));
      assertThat(result(engine, ADA, NEWS).status()).isEqualTo(SectionStatus.CIRCUIT_OPEN);
      assertThat(news.calls).hasValue(2);
    }
  }

  @Nested
  class Caching {
    @ParameterizedTest
    @EnumSource(ThreadMode.class)
    void assemble_100ConcurrentColdPages_callEachSourceOnce(ThreadMode mode) throws Exception {
      Sources.Scripted news = new Sources.Scripted("n");
      Sources.Scripted weather = new Sources.Scripted("w");
      news.answerAfter("n", Duration.ofMillis(100));
      weather.answerAfter("w", Duration.ofMillis(100));
      IntroPageEngine engine =
          track(
              builder()
                  .threadFactory(TrackingThreadFactory.of(mode))
                  .pageDeadline(Duration.ofSeconds(10))
                  .section(NEWS, news, policy().timeout(Duration.ofSeconds(10)).build())
                  .section(
                      WEATHER,
                      weather,
                      policy().scope(CacheScope.GLOBAL).timeout(Duration.ofSeconds(10)).build())
                  .build());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<IntroPage>> pages = new ArrayList<>();
      try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 100; i++) {
          pages.add(
              callers.submit(
                  () -> {
                    start.await();
                    return engine.assemble(PageRequest.of(ADA));
                  }));
        }
        start.countDown();
        for (Future<IntroPage> page : pages) {
          assertThat(page.get().data(NEWS)).contains("n");
          assertThat(page.get().data(WEATHER)).contains("w");
        }
      }
      assertThat(news.calls).hasValue(1);
      assertThat(weather.calls).hasValue(1);
    }

    @Test
    void assemble_withinTtl_servedFromCacheWithAge() {
      Sources.Scripted news = new Sources.Scripted("v1");
      AtomicInteger hits = new AtomicInteger();
      IntroPageEngine engine =
          track(
              builder()
                  .listener(
                      new EngineListener() {
                        @Override
                        public void cacheHit(SectionKey<?> section) {
                          if (section.equals(NEWS)) {
                            hits.incrementAndGet();
                          }
                        }
                      })
                  .section(NEWS, news, policy().build())
                  .build());
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofSeconds(29));

      SectionResult<String> result = result(engine, ADA, NEWS);

      assertThat(result.status()).isEqualTo(SectionStatus.CACHED);
      assertThat(result.source()).isEqualTo(ValueSource.CACHE);
      assertThat(result.age()).isEqualTo(Duration.ofSeconds(29));
      assertThat(news.calls).hasValue(1);
      assertThat(hits).hasValue(1);
    }

    @Test
    void assemble_staleEntry_servedAtOnceAndRefreshedOnceInBackground() throws Exception {
      Sources.Scripted news = new Sources.Scripted("v1");
      CountDownLatch refreshed = new CountDownLatch(1);
      IntroPageEngine engine =
          track(
              builder()
                  .listener(
                      new EngineListener() {
                        @Override
                        public void refreshFinished(SectionKey<?> section, boolean succeeded) {
                          refreshed.countDown();
                        }
                      })
                  .section(
                      NEWS, news, policy().staleWhileRevalidate(Duration.ofSeconds(60)).build())
                  .build());
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofSeconds(45));
      CompletableFuture<String> release = new CompletableFuture<>();
      news.blockUntil(release);

      IntroPage first = engine.assemble(PageRequest.of(ADA));
      IntroPage second = engine.assemble(PageRequest.of(ADA));

      for (IntroPage page : List.of(first, second)) {
        SectionResult<String> stale = page.section(NEWS).orElseThrow();
        assertThat(stale.status()).isEqualTo(SectionStatus.STALE);
        assertThat(stale.data()).contains("v1");
        assertThat(stale.age()).isEqualTo(Duration.ofSeconds(45));
        assertThat(page.elapsed()).isLessThan(Duration.ofSeconds(1));
      }
      release.complete("v2");
      assertThat(refreshed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(news.calls).hasValue(2);

      SectionResult<String> after = result(engine, ADA, NEWS);
      assertThat(after.status()).isEqualTo(SectionStatus.CACHED);
      assertThat(after.data()).contains("v2");
    }

    @Test
    void assemble_backgroundRefreshFails_keepsServingStaleWithinWindow() throws Exception {
      Sources.Scripted news = new Sources.Scripted("v1");
      CountDownLatch refreshed = new CountDownLatch(1);
      List<Boolean> outcomes = new CopyOnWriteArrayList<>();
      IntroPageEngine engine =
          track(
              builder()
                  .listener(
                      new EngineListener() {
                        @Override
                        public void refreshFinished(SectionKey<?> section, boolean succeeded) {
                          outcomes.add(succeeded);
                          refreshed.countDown();
                        }
                      })
                  .section(
                      NEWS, news, policy().staleWhileRevalidate(Duration.ofSeconds(60)).build())
                  .build());
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofSeconds(45));
      news.fail(new IllegalStateException("boom"));

      engine.assemble(PageRequest.of(ADA));
      assertThat(refreshed.await(5, TimeUnit.SECONDS)).isTrue();

      assertThat(outcomes).containsExactly(false);
      assertThat(result(engine, ADA, NEWS).status()).isEqualTo(SectionStatus.STALE);
    }

    @Test
    void invalidateUser_reloadsThatUserOnly() {
      Sources.Scripted news = new Sources.Scripted("v1");
      Sources.Scripted weather = new Sources.Scripted("sunny");
      IntroPageEngine engine = userNewsAndSharedWeather(news, weather);
      engine.assemble(PageRequest.of(ADA));
      engine.assemble(PageRequest.of(GRACE));
      assertThat(news.calls).hasValue(2);

      engine.invalidate(Invalidation.user(ADA));

      assertThat(result(engine, ADA, NEWS).status()).isEqualTo(SectionStatus.FRESH);
      assertThat(result(engine, GRACE, NEWS).status()).isEqualTo(SectionStatus.CACHED);
      assertThat(result(engine, ADA, WEATHER).status()).isEqualTo(SectionStatus.CACHED);
      assertThat(news.calls).hasValue(3);
      assertThat(weather.calls).hasValue(1);
    }

    @Test
    void invalidateSection_afterTheViewerWasServedFromTheCache_theirNextPageLoadsAgain() {
      Sources.Scripted news = new Sources.Scripted("v1");
      Sources.Scripted weather = new Sources.Scripted("sunny");
      IntroPageEngine engine = userNewsAndSharedWeather(news, weather);
      engine.assemble(PageRequest.of(ADA));
      engine.assemble(PageRequest.of(ADA));
      news.answer("v2");
      weather.answer("rain");

      engine.invalidate(Invalidation.section(WEATHER));
      engine.invalidate(Invalidation.userSection(ADA, NEWS));
      IntroPage page = engine.assemble(PageRequest.of(ADA));

      assertThat(page.section(NEWS).orElseThrow().data()).contains("v2");
      assertThat(page.section(WEATHER).orElseThrow().data()).contains("rain");
      assertThat(List.of(news.calls.get(), weather.calls.get())).containsExactly(2, 2);
    }

    @Test
    void entriesEvictedBySize_areNotServedToViewersWhoseLastPageHadThem() {
      Sources.Scripted news = new Sources.Scripted("news");
      int entries = 100;
      int users = 150; // one news entry each
      IntroPageEngine engine =
          track(builder().maximumCacheSize(entries).section(NEWS, news, policy().build()).build());
      for (int i = 0; i < users; i++) {
        for (int visit = 0; visit < 3; visit++) {
          engine.assemble(PageRequest.of(UserId.of("user-" + i)));
        }
      }

      int cached = 0;
      for (int i = 0; i < users; i++) {
        IntroPage page = engine.assemble(PageRequest.of(UserId.of("user-" + i)));
        for (SectionResult<?> result : page.sections()) {
          cached += result.status() == SectionStatus.CACHED ? 1 : 0;
        }
      }

      // At most what the cache held when this round began; the rest was evicted and loads again.
      assertThat(cached).isLessThanOrEqualTo(entries);
      assertThat(news.calls).hasValueGreaterThan(users);
    }

    @Test
    void invalidateSectionAndAll_dropTheirEntries() {
      Sources.Scripted news = new Sources.Scripted("v1");
      Sources.Scripted weather = new Sources.Scripted("sunny");
      IntroPageEngine engine = userNewsAndSharedWeather(news, weather);
      engine.assemble(PageRequest.of(ADA));

      engine.invalidate(Invalidation.section(WEATHER));
      engine.assemble(PageRequest.of(ADA));
      assertThat(news.calls).hasValue(1);
      assertThat(weather.calls).hasValue(2);

      engine.invalidate(Invalidation.userSection(ADA, NEWS));
      engine.assemble(PageRequest.of(ADA));
      assertThat(news.calls).hasValue(2);
      assertThat(weather.calls).hasValue(2);

      engine.invalidate(Invalidation.all());
      engine.assemble(PageRequest.of(ADA));
      assertThat(news.calls).hasValue(3);
      assertThat(weather.calls).hasValue(3);
    }

    @Test
    void invalidate_duringALoad_theLoadedValueIsNotCached() throws Exception {
      Sources.Scripted news = new Sources.Scripted("old");
      CompletableFuture<String> release = new CompletableFuture<>();
      news.blockUntil(release);
      IntroPageEngine engine =
          track(
              builder()
                  .pageDeadline(Duration.ofSeconds(10))
                  .section(NEWS, news, policy().timeout(Duration.ofSeconds(10)).build())
                  .build());
      try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<IntroPage> during = caller.submit(() -> engine.assemble(PageRequest.of(ADA)));
        while (news.calls.get() == 0) {
          Thread.onSpinWait();
        }
        engine.invalidate(Invalidation.user(ADA));
        release.complete("old");
        assertThat(during.get().data(NEWS)).contains("old");
      }
      news.answer("new");

      assertThat(engine.assemble(PageRequest.of(ADA)).data(NEWS)).contains("new");
    }

    @Test
    void invalidate_reachesOtherEnginesOnTheSameBus() {
      InvalidationBus bus = InvalidationBus.inProcess();
      Sources.Scripted one = new Sources.Scripted("v1");
      Sources.Scripted two = new Sources.Scripted("v1");
      IntroPageEngine first =
          track(builder().invalidationBus(bus).section(NEWS, one, policy().build()).build());
      IntroPageEngine second =
          track(builder().invalidationBus(bus).section(NEWS, two, policy().build()).build());
      first.assemble(PageRequest.of(ADA));
      second.assemble(PageRequest.of(ADA));

      first.invalidate(Invalidation.user(ADA));
      second.assemble(PageRequest.of(ADA));

      assertThat(two.calls).hasValue(2);
    }

    @Test
    void close_leavesTheBus() {
      InvalidationBus bus = InvalidationBus.inProcess();
      Sources.Scripted news = new Sources.Scripted("v1");
      IntroPageEngine engine =
          builder().invalidationBus(bus).section(NEWS, news, policy().build()).build();
      engine.assemble(PageRequest.of(ADA));
      engine.close();
      engine.close();

      bus.publish(Invalidation.all());

      assertThatThrownBy(() -> engine.assemble(PageRequest.of(ADA)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class Shedding {
    @Test
    void assemble_overThreshold_optionalSectionsSkippedFirst() throws Exception {
      Sources.Scripted slow = new Sources.Scripted("slow");
      CompletableFuture<String> release = new CompletableFuture<>();
      slow.blockUntil(release);
      Sources.Scripted extra = new Sources.Scripted("extra");
      Sources.Scripted news = new Sources.Scripted("news");
      IntroPageEngine engine =
          track(
              builder()
                  .pageDeadline(Duration.ofSeconds(10))
                  .sheddingThreshold(1)
                  .section(
                      SectionKey.of("slow", String.class),
                      slow,
                      policy().timeout(Duration.ofSeconds(10)).build())
                  .section(WEATHER, extra, policy().criticality(Criticality.OPTIONAL).build())
                  .section(NEWS, news, policy().build())
                  .build());
      try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<IntroPage> busy = caller.submit(() -> engine.assemble(PageRequest.of(ADA)));
        while (slow.calls.get() == 0) {
          Thread.onSpinWait();
        }
        IntroPage shed =
            engine.assemble(PageRequest.of(GRACE).withSections(Set.of("weather", "news")));
        release.complete("slow");

        SectionResult<String> skipped = shed.section(WEATHER).orElseThrow();
        assertThat(skipped.status()).isEqualTo(SectionStatus.SKIPPED);
        assertThat(skipped.error().orElseThrow().code()).isEqualTo("LOAD_SHED");
        assertThat(shed.section(NEWS).orElseThrow().status()).isEqualTo(SectionStatus.FRESH);
        assertThat(busy.get().section(WEATHER).orElseThrow().status())
            .isEqualTo(SectionStatus.FRESH);
      }
    }

    @Test
    void assemble_bulkheadFull_optionalSkippedStandardFallsBack() throws Exception {
      Sources.Scripted optional = new Sources.Scripted("o");
      Sources.Scripted standard = new Sources.Scripted("s");
      CompletableFuture<String> release = new CompletableFuture<>();
      optional.blockUntil(release);
      standard.blockUntil(release);
      IntroPageEngine engine =
          track(
              builder()
                  .pageDeadline(Duration.ofSeconds(10))
                  .section(
                      WEATHER,
                      optional,
                      policy()
                          .criticality(Criticality.OPTIONAL)
                          .maxConcurrentLoads(1)
                          .timeout(Duration.ofSeconds(10))
                          .build())
                  .section(
                      NEWS,
                      standard,
                      policy().maxConcurrentLoads(1).timeout(Duration.ofSeconds(10)).build(),
                      c -> "default")
                  .build());
      try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<IntroPage> first = caller.submit(() -> engine.assemble(PageRequest.of(ADA)));
        while (optional.calls.get() == 0 || standard.calls.get() == 0) {
          Thread.onSpinWait();
        }
        IntroPage second = engine.assemble(PageRequest.of(GRACE));
        release.complete("done");

        assertThat(second.section(WEATHER).orElseThrow().status()).isEqualTo(SectionStatus.SKIPPED);
        SectionResult<String> news = second.section(NEWS).orElseThrow();
        assertThat(news.status()).isEqualTo(SectionStatus.FALLBACK);
        assertThat(news.error().orElseThrow().code()).isEqualTo("BULKHEAD_FULL");
        assertThat(news.data()).contains("default");
        assertThat(first.get().data(NEWS)).contains("done");
      }
    }
  }

  /** A profile past its time to live is used while a lookup in the background replaces it. */
  @Nested
  class Profiles {
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration PAST_TTL = TTL.plusSeconds(1);

    /** The display name the repository answers; empty for no such user, "!" to fail. */
    private final AtomicReference<String> name = new AtomicReference<>("Ada");

    private final AtomicInteger lookups = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final TrackingThreadFactory threads = TrackingThreadFactory.of(ThreadMode.VIRTUAL);

    private final IntroPageEngine engine =
        track(
            builder()
                .threadFactory(threads)
                .profileTtl(TTL)
                .viewers(
                    id -> {
                      lookups.incrementAndGet();
                      String answer = name.get();
                      try {
                        gate.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      if (answer.equals("!")) {
                        throw new IllegalStateException("users down");
                      }
                      return answer.isEmpty()
                          ? Optional.empty()
                          : Optional.of(
                              new UserProfile(
                                  id,
                                  answer,
                                  java.time.ZoneOffset.UTC,
                                  java.util.Locale.ENGLISH,
                                  Set.of(),
                                  Optional.empty()));
                    })
                .section(
                    NEWS,
                    c -> "hello " + c.viewer().displayName(),
                    policy().cacheTtl(Duration.ZERO).build())
                .build());

    private String greeting() {
      return engine.assemble(PageRequest.of(ADA)).data(NEWS).orElseThrow();
    }

    /** Waits until no lookup in the background is left running. */
    private void settled() throws InterruptedException {
      Await.until(() -> threads.alive().isEmpty());
    }

    @Test
    void pastItsTtl_servedAtOnceWhileOneLookupReplacesIt() throws Exception {
      assertThat(greeting()).isEqualTo("hello Ada");
      name.set("Ada L");
      gate = new CountDownLatch(1);
      clock.advance(PAST_TTL);

      // The lookup is held at the gate, longer than the page deadline: the pages do not wait.
      assertThat(greeting()).isEqualTo("hello Ada");
      assertThat(greeting()).isEqualTo("hello Ada");
      gate.countDown();
      settled();

      assertThat(greeting()).isEqualTo("hello Ada L");
      assertThat(lookups).hasValue(2);
    }

    @Test
    void pastTwiceItsTtl_thePageWaitsForTheLookup() {
      assertThat(greeting()).isEqualTo("hello Ada");
      name.set("Ada L");
      clock.advance(TTL.multipliedBy(2));

      assertThat(greeting()).isEqualTo("hello Ada L");
      assertThat(lookups).hasValue(2);
    }

    @Test
    void userGoneMeanwhile_theNextPageIsRefused() throws Exception {
      greeting();
      name.set("");
      clock.advance(PAST_TTL);

      assertThat(greeting()).isEqualTo("hello Ada");
      settled();
      assertThatThrownBy(this::greeting).isInstanceOf(UnknownUserException.class);
    }

    @Test
    void lookupFails_profileKeptAndTriedAgainAfterTheRetryDelay() throws Exception {
      greeting();
      name.set("!");
      clock.advance(PAST_TTL);

      assertThat(greeting()).isEqualTo("hello Ada");
      settled();
      assertThat(greeting()).isEqualTo("hello Ada");
      settled();
      assertThat(lookups).as("not before the retry delay").hasValue(2);

      name.set("Ada L");
      clock.advance(Viewers.RETRY);
      greeting();
      settled();
      assertThat(greeting()).isEqualTo("hello Ada L");
      assertThat(lookups).hasValue(3);
    }

    @Test
    void invalidatedWhileLookingUp_theInvalidationWins() throws Exception {
      greeting();
      name.set("Ada L");
      gate = new CountDownLatch(1);
      clock.advance(PAST_TTL);
      greeting();
      Await.until(() -> lookups.get() == 2);

      engine.invalidate(Invalidation.user(ADA));
      gate.countDown();
      settled();
      name.set("Ada K");

      assertThat(greeting()).isEqualTo("hello Ada K");
    }
  }

  @Nested
  class Requests {
    @Test
    void assemble_sectionsFilter_onlyThoseInLayoutOrder() {
      IntroPageEngine engine =
          track(
              builder()
                  .section(NEWS, new Sources.Scripted("n"), policy().build())
                  .section(WEATHER, new Sources.Scripted("w"), policy().build())
                  .build());

      assertThat(engine.sections()).containsExactly("news", "weather");
      assertThat(engine.assemble(PageRequest.of(ADA).withSections(Set.of("weather"))).sections())
          .extracting(r -> r.key().name())
          .containsExactly("weather");
      assertThatThrownBy(() -> engine.assemble(PageRequest.of(ADA).withSections(Set.of("nope"))))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sections"));
    }

    @Test
    void assemble_usersRepository_unknownUserRefusedKnownUserCached() {
      AtomicInteger lookups = new AtomicInteger();
      UserProfile ada = UserProfile.anonymous(ADA);
      IntroPageEngine engine =
          track(
              builder()
                  .viewers(
                      id -> {
                        lookups.incrementAndGet();
                        return id.equals(ADA) ? Optional.of(ada) : Optional.empty();
                      })
                  .section(NEWS, c -> "hello " + c.viewer().displayName(), policy().build())
                  .build());

      assertThat(engine.assemble(PageRequest.of(ADA)).data(NEWS)).contains("hello ada");
      engine.assemble(PageRequest.of(ADA));
      assertThat(lookups).hasValue(1);
      assertThatThrownBy(() -> engine.assemble(PageRequest.of("nobody")))
          .isInstanceOfSatisfying(
              UnknownUserException.class, e -> assertThat(e.userId()).isEqualTo("nobody"));

      engine.invalidate(Invalidation.user(ADA));
      engine.assemble(PageRequest.of(ADA));
      assertThat(lookups).hasValue(3);
    }

    @Test
    void assemble_userRepositoryFailsOrHangs_pageRefusedWithReason() {
      IntroPageEngine failing =
          track(
              builder()
                  .viewers(
                      id -> {
                        throw new IllegalStateException("down");
                      })
                  .section(NEWS, c -> "n", policy().build())
                  .build());
      IntroPageEngine hanging =
          track(
              builder()
                  .pageDeadline(Duration.ofMillis(50))
                  .viewers(
                      id -> {
                        try {
                          Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return Optional.empty();
                      })
                  .section(NEWS, c -> "n", policy().build())
                  .build());

      assertThatThrownBy(() -> failing.assemble(PageRequest.of(ADA)))
          .isInstanceOfSatisfying(
              RequiredSectionUnavailableException.class,
              e -> assertThat(e.status()).isEqualTo(SectionStatus.FAILED));
      assertThatThrownBy(() -> hanging.assemble(PageRequest.of(ADA)))
          .isInstanceOfSatisfying(
              RequiredSectionUnavailableException.class,
              e -> assertThat(e.status()).isEqualTo(SectionStatus.TIMED_OUT));
    }

    @Test
    void listener_throwing_doesNotBreakThePage() {
      IntroPageEngine engine =
          track(
              builder()
                  .listener(
                      new EngineListener() {
                        @Override
                        public void sectionFinished(
                            SectionKey<?> s, UserId u, SectionStatus st, Duration e) {
                          throw new IllegalStateException("listener bug");
                        }

                        @Override
                        public void pageFinished(IntroPage page) {
                          throw new IllegalStateException("listener bug");
                        }
                      })
                  .section(NEWS, c -> "n", policy().build())
                  .build());

      assertThat(engine.assemble(PageRequest.of(ADA)).data(NEWS)).contains("n");
    }

    @Test
    void listener_hearsEveryEventOfAPage() {
      List<String> events = new CopyOnWriteArrayList<>();
      IntroPageEngine engine =
          track(
              builder()
                  .listener(
                      new EngineListener() {
                        @Override
                        public void sectionStarted(SectionKey<?> section, UserId user) {
                          if (section.equals(NEWS)) events.add("start " + section + " " + user);
                        }

                        @Override
                        public void sectionFinished(
                            SectionKey<?> section, UserId user, SectionStatus status, Duration e) {
                          if (section.equals(NEWS)) events.add("end " + section + " " + status);
                        }

                        @Override
                        public void cacheMiss(SectionKey<?> section) {
                          if (section.equals(NEWS)) events.add("miss " + section);
                        }

                        @Override
                        public void pageFinished(IntroPage page) {
                          events.add("page " + page.slowest().orElseThrow().key());
                        }
                      })
                  .section(
                      NEWS,
                      c -> {
                        Thread.sleep(20);
                        return "n";
                      },
                      policy().build())
                  .build());

      engine.assemble(PageRequest.of(ADA));

      assertThat(events)
          .containsExactly("miss news", "start news ada", "end news FRESH", "page news");
    }

    @Test
    void health_reportsLastSuccessAndFailure() {
      Sources.Scripted news = new Sources.Scripted("v1");
      IntroPageEngine engine =
          track(builder().section(NEWS, news, policy().cacheTtl(Duration.ZERO).build()).build());
      engine.assemble(PageRequest.of(ADA));
      clock.advance(Duration.ofSeconds(5));
      news.fail(new IllegalStateException("x"));
      engine.assemble(PageRequest.of(ADA));

      SectionHealth health = newsHealth(engine);
      assertThat(health.section()).isEqualTo("news");
      assertThat(health.criticality()).isEqualTo(Criticality.STANDARD);
      assertThat(health.lastSuccess()).contains(Instant.parse("2026-11-27T09:00:00Z"));
      assertThat(health.lastFailure()).contains(Instant.parse("2026-11-27T09:00:05Z"));
      assertThat(health.lastErrorCode()).contains("SECTION_FAILED");
      assertThat(Map.of("breaker", health.breaker())).containsEntry("breaker", BreakerState.CLOSED);
    }
  }

  @Test
  void age_ofACacheEntry_isTheTimeSinceItsLoadAndNeverNegative() {
    Instant loaded = Instant.parse("2026-11-27T18:10:08.750000001Z");
    Map<Instant, Duration> ages =
        Map.of(
            loaded,
            Duration.ZERO,
            loaded.plusNanos(1),
            Duration.ofNanos(1),
            loaded.plusMillis(300),
            Duration.ofMillis(300),
            loaded.plusSeconds(86_400).minusNanos(2),
            Duration.ofDays(1).minusNanos(2),
            loaded.minusMillis(5),
            Duration.ZERO,
            Instant.MAX,
            Duration.between(loaded, Instant.MAX));

    ages.forEach(
        (now, age) ->
            assertThat(SectionCache.age(new SectionCache.Entry("x", loaded, Duration.ZERO), now))
                .as("at %s", now)
                .isEqualTo(age));
  }
}
