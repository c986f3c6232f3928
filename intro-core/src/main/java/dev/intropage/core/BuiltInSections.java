package dev.intropage.core;

import dev.intropage.core.IntroPageEngine.Registration;
import dev.intropage.core.actions.ActionItemRepository;
import dev.intropage.core.actions.ActionItemsSection;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityFeedSection;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.personalization.PersonalizationSection;
import dev.intropage.core.personalization.PreferenceRepository;
import dev.intropage.core.statistics.DailyStatsRepository;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.statistics.UserStatisticsSection;
import dev.intropage.core.system.SystemOverviewSection;
import dev.intropage.core.system.SystemStatusProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The sections core knows how to build from the ports, with their default policies. */
final class BuiltInSections {
  private BuiltInSections() {}

  /** Small, read on every page before the others, so cached long and never without a value. */
  static final SectionPolicy PERSONALIZATION_POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(50))
          .cacheTtl(Duration.ofMinutes(5))
          .staleWhileRevalidate(Duration.ofMinutes(5))
          .maxStale(Duration.ofHours(1))
          .build();

  static final SectionPolicy STATISTICS_POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(100))
          .cacheTtl(Duration.ofMinutes(1))
          .staleWhileRevalidate(Duration.ofMinutes(2))
          .maxStale(Duration.ofMinutes(30))
          .build();

  /** What needs attention must not be stale for long. */
  static final SectionPolicy ACTIONS_POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(100))
          .cacheTtl(Duration.ofSeconds(10))
          .staleWhileRevalidate(Duration.ofSeconds(20))
          .maxStale(Duration.ofMinutes(10))
          .build();

  static final SectionPolicy ACTIVITY_POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(100))
          .cacheTtl(Duration.ofSeconds(15))
          .staleWhileRevalidate(Duration.ofSeconds(30))
          .maxStale(Duration.ofMinutes(10))
          .build();

  /** The same for everyone: one entry, refreshed often. */
  static final SectionPolicy SYSTEM_POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(80))
          .scope(CacheScope.GLOBAL)
          .cacheTtl(Duration.ofSeconds(10))
          .staleWhileRevalidate(Duration.ofSeconds(20))
          .maxStale(Duration.ofMinutes(5))
          .build();

  static Registration<Personalization> personalization(
      @Nullable PreferenceRepository preferences, List<String> defaultOrder, Set<String> required) {
    SectionSource<Personalization> source;
    if (preferences == null) {
      source =
          context -> PersonalizationSection.defaults(context.viewer(), context.now(), defaultOrder);
    } else {
      PersonalizationSection section = new PersonalizationSection(preferences);
      source = context -> section.load(context.viewer(), context.now(), defaultOrder, required);
    }
    return new Registration<>(
        SectionKey.PERSONALIZATION,
        source,
        PERSONALIZATION_POLICY,
        context -> PersonalizationSection.defaults(context.viewer(), context.now(), defaultOrder));
  }

  /** Greets again a personalization served from the cache, whose greeting may be hours old. */
  static SectionResult<?> greetedNow(SectionResult<?> result, SectionContext context) {
    if (result.source() == ValueSource.ORIGIN || result.data().isEmpty()) {
      return result;
    }
    Personalization cached = (Personalization) result.data().get();
    return new SectionResult<>(
        SectionKey.PERSONALIZATION,
        result.status(),
        Optional.of(cached.greetedAt(context.viewer().displayName(), context.now())),
        result.source(),
        result.age(),
        result.elapsed(),
        result.error());
  }

  static Registration<UserStatistics> statistics(DailyStatsRepository repository) {
    UserStatisticsSection section = new UserStatisticsSection(repository);
    return new Registration<>(
        SectionKey.STATISTICS,
        context -> section.load(context.viewer(), context.now()),
        STATISTICS_POLICY,
        null);
  }

  static Registration<ActionItemsView> actions(ActionItemRepository repository) {
    ActionItemsSection section = new ActionItemsSection(repository);
    return new Registration<>(
        SectionKey.ACTIONS,
        context -> section.load(context.viewer(), context.now()),
        ACTIONS_POLICY,
        null);
  }

  static Registration<ActivityFeed> activity(ActivityRepository repository) {
    ActivityFeedSection section = new ActivityFeedSection(repository);
    return new Registration<>(
        SectionKey.ACTIVITY,
        context -> section.load(context.viewer(), context.now()),
        ACTIVITY_POLICY,
        context -> ActivityFeed.empty());
  }

  static Registration<dev.intropage.core.system.SystemOverview> system(
      SystemStatusProvider provider, Supplier<IntroPageEngine> engine) {
    SystemOverviewSection section = new SystemOverviewSection(provider);
    return new Registration<>(
        SectionKey.SYSTEM,
        context -> section.load(context.now(), engine.get().breakerComponents()),
        SYSTEM_POLICY,
        null);
  }
}
