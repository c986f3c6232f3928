package dev.intropage.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.SectionResult.ValueSource;
import dev.intropage.core.model.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine-wide limit on origin loads ({@link IntroPageEngine.Builder#maxConcurrentLoads}): a
 * page's load beyond it waits for a slot within its section's timeout, a wait that runs out is a
 * timeout but not a failure of the source, and a background refresh beyond it is not started.
 *
 * <p>A "holder" section whose source blocks until the test releases it keeps the only slot taken.
 */
class LoadLimitTest {
  private static final UserId ADA = UserId.of("ada");
  private static final UserId GRACE = UserId.of("grace");
  private static final SectionKey<String> NEWS = SectionKey.of("news", String.class);
  private static final SectionKey<String> HOLDER = SectionKey.of("holder", String.class);

  private final MutableClock clock = MutableClock.at("2026-11-27T09:00:00Z");
  private final List<IntroPageEngine> engines = new ArrayList<>();
  private final ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CompletableFuture<String> release = new CompletableFuture<>();
  private final SectionSource<String> holder =
      context -> {
        holding.countDown();
        return release.get();
      };

  @AfterEach
  void closeEngines() {
    release.complete("released");
    caller.close();
    engines.forEach(IntroPageEngine::close);
  }

  private IntroPageEngine track(IntroPageEngine engine) {
    engines.add(engine);
    return engine;
  }

  private IntroPageEngine.Builder limitedTo(int loads) {
    return IntroPageEngine.builder()
        .clock(clock)
        .pageDeadline(Duration.ofSeconds(60))
        .maxConcurrentLoads(loads)
        .section(HOLDER, holder, SectionPolicy.builder().timeout(Duration.ofSeconds(60)).build());
  }

  private static SectionPolicy.Builder policy() {
    return SectionPolicy.builder()
        .timeout(Duration.ofMillis(50))
        .cacheTtl(Duration.ofSeconds(30))
        .staleWhileRevalidate(Duration.ZERO)
        .maxStale(Duration.ofMinutes(10));
  }

  private static SectionResult<String> news(IntroPageEngine engine, UserId user) {
    return engine
        .assemble(PageRequest.of(user).withSections(Set.of(NEWS.name())))
        .section(NEWS)
        .orElseThrow();
  }

  private Future<IntroPage> holdTheSlot(IntroPageEngine engine) {
    return caller.submit(
        () -> engine.assemble(PageRequest.of(ADA).withSections(Set.of(HOLDER.name()))));
  }

  private static SectionHealth health(IntroPageEngine engine, SectionKey<?> key) {
    return engine.health().stream()
        .filter(h -> h.section().equals(key.name()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void assemble_loadBeyondTheLimit_waitsForAFreeSlotAndLoadsFresh() throws Exception {
    CountDownLatch adaLoading = new CountDownLatch(1);
    AtomicInteger graceCalls = new AtomicInteger();
    SectionSource<String> perUser =
        context -> {
          if (context.viewer().id().equals(ADA)) {
            adaLoading.countDown();
            return release.get();
          }
          graceCalls.incrementAndGet();
          return "news for " + context.viewer().id().value();
        };
    IntroPageEngine engine =
        track(
            limitedTo(1)
                .section(NEWS, perUser, policy().timeout(Duration.ofSeconds(10)).build())
                .build());
    Future<SectionResult<String>> ada = caller.submit(() -> news(engine, ADA));
    assertThat(adaLoading.await(10, TimeUnit.SECONDS)).isTrue();

    Future<SectionResult<String>> grace = caller.submit(() -> news(engine, GRACE));
    Await.until(() -> engine.loadsWaiting() == 1);
    assertThat(graceCalls).hasValue(0);
    release.complete("news for ada");

    SectionResult<String> graces = grace.get();
    assertThat(graces.status()).isEqualTo(SectionStatus.FRESH);
    assertThat(graces.data()).contains("news for grace");
    assertThat(ada.get().data()).contains("news for ada");
    assertThat(graceCalls).hasValue(1);
    assertThat(engine.loadsWaiting()).isZero();
  }

  @Test
  void assemble_sourceThatWaitedForASlotThenHangs_isNotBlamedForTheTimeout() throws Exception {
    CompletableFuture<String> never = new CompletableFuture<>();
    SectionPolicy hanging =
        policy().timeout(Duration.ofMillis(300)).circuitBreaker(1, Duration.ofMinutes(5)).build();
    IntroPageEngine engine = track(limitedTo(1).section(NEWS, c -> never.get(), hanging).build());
    Future<IntroPage> held = holdTheSlot(engine);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    Future<SectionResult<String>> waiting = caller.submit(() -> news(engine, GRACE));
    Await.until(() -> engine.loadsWaiting() == 1);
    release.complete("released");

    assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(SectionStatus.TIMED_OUT);
    assertThat(held.get().section(HOLDER).orElseThrow().status()).isEqualTo(SectionStatus.FRESH);
    // Part of its timeout went to waiting for the slot: the source did not have all of it.
    assertThat(health(engine, NEWS).breaker()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void assemble_sourceCalledWithLessThanHalfItsTimeoutLeft_isNotBlamedForTheTimeout() {
    CompletableFuture<String> never = new CompletableFuture<>();
    SectionPolicy hanging =
        policy().timeout(Duration.ofMillis(400)).circuitBreaker(1, Duration.ofMinutes(5)).build();
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .pageDeadline(Duration.ofSeconds(5))
                .section(NEWS, context -> never.get(), hanging)
                // Runs on the load's thread just before the source is called: it stands for a
                // saturated machine on which the load's thread got a core only late.
                .listener(
                    new EngineListener() {
                      @Override
                      public void sectionStarted(SectionKey<?> section, UserId user) {
                        try {
                          Thread.sleep(300);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }
                    })
                .build());

    assertThat(news(engine, GRACE).status()).isEqualTo(SectionStatus.TIMED_OUT);

    // Most of its timeout had gone before the source was called: it did not have its time.
    assertThat(health(engine, NEWS).breaker()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void assemble_openBreaker_refusesWithoutQueueingForASlot() throws Exception {
    Sources.Scripted source = new Sources.Scripted("v1");
    source.fail(new IllegalStateException("down"));
    IntroPageEngine engine =
        track(
            limitedTo(1)
                .section(
                    NEWS,
                    source,
                    policy()
                        .timeout(Duration.ofSeconds(30))
                        .circuitBreaker(1, Duration.ofMinutes(5))
                        .build())
                .build());
    news(engine, ADA);
    assertThat(health(engine, NEWS).breaker()).isEqualTo(BreakerState.OPEN);
    Future<IntroPage> held = holdTheSlot(engine);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    // With the only slot held for as long as the test likes, a load that queued would wait.
    SectionResult<String> refused = news(engine, GRACE);

    assertThat(refused.status()).isEqualTo(SectionStatus.CIRCUIT_OPEN);
    assertThat(engine.loadsWaiting()).isZero();
    release.complete("released");
    held.get(10, TimeUnit.SECONDS);
  }

  @Test
  void assemble_sourceTurningThePagesInterruptIntoItsOwnException_isNotBlamed() {
    SectionPolicy patient =
        policy().timeout(Duration.ofSeconds(30)).circuitBreaker(1, Duration.ofMinutes(5)).build();
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .pageDeadline(Duration.ofMillis(30))
                .section(
                    NEWS,
                    context -> {
                      try {
                        return new CompletableFuture<String>().get();
                      } catch (InterruptedException e) {
                        // As a driver does: its own exception, the interrupt flag cleared.
                        throw new IllegalStateException("statement interrupted");
                      }
                    },
                    patient)
                .build());

    for (int page = 0; page < 3; page++) {
      assertThat(news(engine, UserId.of("user-" + page)).status())
          .isEqualTo(SectionStatus.TIMED_OUT);
    }

    assertThat(health(engine, NEWS).breaker()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void assemble_waitForASlotRunsOut_timedOutButNotABreakerFailure() throws Exception {
    Sources.Scripted source = new Sources.Scripted("v1");
    IntroPageEngine engine =
        track(limitedTo(1).section(NEWS, source, policy().build(), c -> "default").build());
    UserId first = UserId.of("u0");
    assertThat(news(engine, first).status()).isEqualTo(SectionStatus.FRESH);
    clock.advance(Duration.ofMinutes(1));
    Future<IntroPage> held = holdTheSlot(engine);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    int pages = SectionPolicy.defaults().failureThreshold() * 2;
    for (int i = 0; i < pages; i++) {
      SectionResult<String> result = news(engine, UserId.of("u" + i));
      assertThat(result.status()).as("page %d", i).isEqualTo(SectionStatus.TIMED_OUT);
      assertThat(result.error().orElseThrow().code()).isEqualTo("SECTION_TIMEOUT");
      if (i == 0) {
        assertThat(result.data()).contains("v1");
        assertThat(result.source()).isEqualTo(ValueSource.LAST_GOOD);
      } else {
        assertThat(result.data()).contains("default");
      }
    }

    SectionHealth health = health(engine, NEWS);
    assertThat(health.breaker()).isEqualTo(BreakerState.CLOSED);
    assertThat(health.lastFailure()).isEmpty();
    assertThat(source.calls).hasValue(1);

    release.complete("released");
    assertThat(held.get().section(HOLDER).orElseThrow().status()).isEqualTo(SectionStatus.FRESH);
    SectionResult<String> after = news(engine, UserId.of("u1"));
    assertThat(after.status()).isEqualTo(SectionStatus.FRESH);
    assertThat(after.data()).contains("v1");
    assertThat(source.calls).hasValue(2);
  }

  @Test
  void assemble_staleEntryAndNoFreeSlot_refreshNotStartedStaleServedNextPageRefreshes()
      throws Exception {
    Sources.Scripted source = new Sources.Scripted("v1");
    BlockingQueue<Boolean> refreshes = new LinkedBlockingQueue<>();
    IntroPageEngine engine =
        track(
            limitedTo(1)
                .listener(
                    new EngineListener() {
                      @Override
                      public void refreshFinished(SectionKey<?> section, boolean succeeded) {
                        if (section.equals(NEWS)) {
                          refreshes.add(succeeded);
                        }
                      }
                    })
                .section(
                    NEWS,
                    source,
                    policy()
                        .timeout(Duration.ofSeconds(60))
                        .staleWhileRevalidate(Duration.ofSeconds(60))
                        .circuitBreaker(1, Duration.ofSeconds(30))
                        .build())
                .build());
    assertThat(news(engine, GRACE).status()).isEqualTo(SectionStatus.FRESH);
    clock.advance(Duration.ofSeconds(45));
    Future<IntroPage> held = holdTheSlot(engine);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    SectionResult<String> stale = news(engine, GRACE);
    assertThat(stale.status()).isEqualTo(SectionStatus.STALE);
    assertThat(stale.data()).contains("v1");
    assertThat(refreshes.poll(10, TimeUnit.SECONDS)).isFalse();
    assertThat(source.calls).hasValue(1);
    assertThat(health(engine, NEWS).breaker()).isEqualTo(BreakerState.CLOSED);
    assertThat(health(engine, NEWS).lastFailure()).isEmpty();
    assertThat(engine.loadsWaiting()).isZero();

    release.complete("released");
    held.get();
    source.answer("v2");

    assertThat(news(engine, GRACE).status()).isEqualTo(SectionStatus.STALE);
    assertThat(refreshes.poll(10, TimeUnit.SECONDS)).isTrue();
    SectionResult<String> refreshed = news(engine, GRACE);
    assertThat(refreshed.status()).isEqualTo(SectionStatus.CACHED);
    assertThat(refreshed.data()).contains("v2");
    assertThat(source.calls).hasValue(2);
  }

  @Test
  void assemble_viewerLookupBeyondTheLimit_waitsForASlotLikeASectionLoad() throws Exception {
    List<UserId> looked = new java.util.concurrent.CopyOnWriteArrayList<>();
    IntroPageEngine engine =
        track(
            limitedTo(1)
                .viewers(
                    id -> {
                      looked.add(id);
                      return java.util.Optional.of(
                          dev.intropage.core.model.UserProfile.anonymous(id));
                    })
                .build());
    Future<IntroPage> ada = holdTheSlot(engine);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    Future<IntroPage> grace =
        caller.submit(
            () -> engine.assemble(PageRequest.of(GRACE).withSections(Set.of(HOLDER.name()))));
    Await.until(() -> engine.loadsWaiting() == 1);
    assertThat(looked).containsExactly(ADA);

    release.complete("released");
    assertThat(grace.get(10, TimeUnit.SECONDS).user()).isEqualTo(GRACE);
    assertThat(ada.get(10, TimeUnit.SECONDS).user()).isEqualTo(ADA);
    assertThat(looked).containsExactly(ADA, GRACE);
  }

  @Test
  void assemble_loadsCutShortByThePageDeadline_areNotFailuresOfTheirSource() throws Exception {
    CompletableFuture<String> never = new CompletableFuture<>();
    SectionPolicy patient =
        policy().timeout(Duration.ofSeconds(30)).circuitBreaker(2, Duration.ofMinutes(5)).build();
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .pageDeadline(Duration.ofMillis(30))
                .section(NEWS, context -> never.get(), patient)
                .build());

    for (int page = 0; page < 5; page++) {
      assertThat(news(engine, UserId.of("user-" + page)).status())
          .isEqualTo(SectionStatus.TIMED_OUT);
    }

    // The source never had its own 30 s: the page's 30 ms ended it, which says nothing about it.
    assertThat(health(engine, NEWS).breaker()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void assemble_sourceThatHangsPastItsOwnTimeout_stillOpensItsBreaker() {
    CompletableFuture<String> never = new CompletableFuture<>();
    SectionPolicy impatient =
        policy().timeout(Duration.ofMillis(200)).circuitBreaker(2, Duration.ofMinutes(5)).build();
    IntroPageEngine engine =
        track(
            IntroPageEngine.builder()
                .clock(clock)
                .pageDeadline(Duration.ofSeconds(5))
                .section(NEWS, context -> never.get(), impatient)
                .build());

    news(engine, UserId.of("user-1"));
    news(engine, UserId.of("user-2"));

    assertThat(health(engine, NEWS).breaker()).isEqualTo(BreakerState.OPEN);
    assertThat(news(engine, UserId.of("user-3")).status()).isEqualTo(SectionStatus.CIRCUIT_OPEN);
  }
}
