package dev.intropage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.SectionPolicy.CacheScope;
import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.SectionResult.ValueSource;
import dev.intropage.core.model.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validation of the builders and records of the engine's API, apart from its behaviour. */
class EngineBuilderTest {
  private static final SectionKey<String> NEWS = SectionKey.of("news", String.class);

  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void engineBuilder_rejectsBadSettingsAtOnce() {
    var builder = IntroPageEngine.builder();
    assertThatThrownBy(() -> builder.pageDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.pageDeadline(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.sheddingThreshold(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maximumCacheSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.profileTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxConcurrentLoads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrentLoads");
    assertThatThrownBy(() -> builder.section(NEWS, c -> "n", SectionPolicy.defaults(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("fallback");
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("register at least one section");
  }

  @Test
  void engineBuilder_duplicateSectionOrPolicyForUnknownSection_refused() {
    var builder = IntroPageEngine.builder().section(NEWS, c -> "n", SectionPolicy.defaults());
    assertThatThrownBy(() -> builder.section(NEWS, c -> "again", SectionPolicy.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registered already");
    builder.policy(SectionKey.of("nope", String.class), SectionPolicy.defaults());
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void engineBuilder_settingsTakeEffect() {
    try (IntroPageEngine engine =
        IntroPageEngine.builder()
            .section(NEWS, c -> "n", SectionPolicy.defaults())
            .sheddingThreshold(3)
            .maximumCacheSize(10)
            .profileTtl(Duration.ZERO)
            .threadFactory(Thread.ofPlatform().factory())
            .build()) {
      assertThat(engine.assemble(PageRequest.of("ada")).data(NEWS)).contains("n");
    }
  }

  @Test
  void engineBuilder_loadsUnlimitedByDefault() {
    try (IntroPageEngine engine =
        IntroPageEngine.builder().section(NEWS, c -> "n", SectionPolicy.defaults()).build()) {
      assertThat(engine.loadLimit()).isEmpty();
      assertThat(engine.loadsWaiting()).isZero();
    }
    try (IntroPageEngine engine =
        IntroPageEngine.builder()
            .section(NEWS, c -> "n", SectionPolicy.defaults())
            .maxConcurrentLoads(4)
            .build()) {
      assertThat(engine.loadLimit()).hasValue(4);
      assertThat(engine.assemble(PageRequest.of("ada")).data(NEWS)).contains("n");
    }
  }

  @Test
  void policyBuilder_defaultsAndCopies() {
    SectionPolicy defaults = SectionPolicy.defaults();
    assertThat(defaults.timeout()).isEqualTo(Duration.ofMillis(100));
    assertThat(defaults.criticality()).isEqualTo(Criticality.STANDARD);
    assertThat(defaults.scope()).isEqualTo(CacheScope.USER);
    assertThat(defaults.failureThreshold()).isEqualTo(5);
    assertThat(defaults.maxConcurrentLoads()).isEqualTo(64);
    assertThat(defaults.retention()).isEqualTo(Duration.ofSeconds(30).plus(Duration.ofMinutes(10)));
    SectionPolicy copy = defaults.toBuilder().staleWhileRevalidate(Duration.ofHours(1)).build();
    assertThat(copy.retention()).isEqualTo(Duration.ofSeconds(30).plus(Duration.ofHours(1)));
    assertThat(copy.timeout()).isEqualTo(defaults.timeout());
  }

  @Test
  void policy_rejectsOutOfRangeValues() {
    assertThatThrownBy(() -> SectionPolicy.builder().timeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> SectionPolicy.builder().cacheTtl(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cacheTtl");
    assertThatThrownBy(
            () -> SectionPolicy.builder().staleWhileRevalidate(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SectionPolicy.builder().maxStale(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SectionPolicy.builder().circuitBreaker(0, Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failureThreshold");
    assertThatThrownBy(() -> SectionPolicy.builder().circuitBreaker(1, Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("breakerDelay");
    assertThatThrownBy(() -> SectionPolicy.builder().maxConcurrentLoads(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sectionKey_nameRulesAndEqualityByName() {
    assertThat(SectionKey.of("news", String.class)).isEqualTo(SectionKey.of("news", Integer.class));
    assertThat(SectionKey.of("news", String.class).hashCode()).isEqualTo("news".hashCode());
    assertThat(SectionKey.of("news", String.class)).isNotEqualTo("news");
    assertThat(SectionKey.of("a-1", String.class)).hasToString("a-1");
    assertThatThrownBy(() -> SectionKey.of("News", String.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SectionKey.of("1st", String.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SectionKey.of("a".repeat(41), String.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pageRequest_validatesAndCopies() {
    PageRequest request =
        PageRequest.of("ada").withSections(Set.of("news")).withDeadline(Duration.ofMillis(5));
    assertThat(request.viewer()).isEqualTo(UserId.of("ada"));
    assertThat(request.sections()).contains(Set.of("news"));
    assertThat(request.deadline()).contains(Duration.ofMillis(5));
    assertThatThrownBy(() -> PageRequest.of("ada").withDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageRequest.of("ada").withDeadline(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sectionResult_dataPresentExactlyWhenSourceIsNotNone() {
    assertThatThrownBy(
            () ->
                new SectionResult<>(
                    NEWS,
                    SectionStatus.FRESH,
                    Optional.of("x"),
                    ValueSource.NONE,
                    Duration.ZERO,
                    Duration.ZERO,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SectionResult<>(
                    NEWS,
                    SectionStatus.FAILED,
                    Optional.empty(),
                    ValueSource.ORIGIN,
                    Duration.ZERO,
                    Duration.ZERO,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void introPage_emptyPageHasNoSlowestAndIsNotDegraded() {
    IntroPage page =
        new IntroPage(
            UserId.of("ada"), java.time.Instant.EPOCH, java.util.List.of(), Duration.ZERO);
    assertThat(page.slowest()).isEmpty();
    assertThat(page.degraded()).isFalse();
    assertThat(page.section(NEWS)).isEmpty();
  }

  @Test
  void sectionStatus_healthyOnlyForDataFromSourceOrCache() {
    assertThat(Set.of(SectionStatus.values()).stream().filter(SectionStatus::healthy))
        .containsExactlyInAnyOrder(SectionStatus.FRESH, SectionStatus.CACHED, SectionStatus.STALE);
  }

  @Test
  void invalidation_matchesUsersAndSections() {
    UserId ada = UserId.of("ada");
    assertThat(Invalidation.all().matches("news", CacheScope.GLOBAL, "*")).isTrue();
    assertThat(Invalidation.user(ada).matches("news", CacheScope.USER, "ada")).isTrue();
    assertThat(Invalidation.user(ada).matches("news", CacheScope.USER, "grace")).isFalse();
    assertThat(Invalidation.user(ada).matches("news", CacheScope.GLOBAL, "*")).isFalse();
    assertThat(Invalidation.section(NEWS).matches("weather", CacheScope.USER, "ada")).isFalse();
    assertThat(Invalidation.userSection(ada, NEWS).matches("news", CacheScope.USER, "ada"))
        .isTrue();
  }
}
