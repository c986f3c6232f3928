package dev.intropage.core.sections;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.Section;
import dev.intropage.core.actions.ActionItemRepository;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.personalization.PreferenceRepository;
import dev.intropage.core.statistics.DailyStatsRepository;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.system.SystemOverview;
import dev.intropage.core.system.SystemStatusProvider;
import java.util.List;

/**
 * The five built-in sections of an intro page, over their ports, registered in one call.
 *
 * {@snippet :
 * IntroPageEngine engine = IntroSections.register(IntroPageEngine.builder()
 *         .viewers(users), preferences, dailyStats, actionItems, activity, systemStatus)
 *     .build();
 * }
 *
 * <p>Each section is also available alone from its data type, such as {@link
 * UserStatistics#section}, and registers through the same {@link IntroPageEngine.Builder#section}
 * an embedder's own sections use.
 */
public final class IntroSections {
  private IntroSections() {}

  /**
   * Returns the five sections in their default order: personalization, statistics, actions,
   * activity, system.
   */
  public static List<Section<?>> all(
      PreferenceRepository preferences,
      DailyStatsRepository dailyStats,
      ActionItemRepository actionItems,
      ActivityRepository activity,
      SystemStatusProvider systemStatus) {
    return List.of(
        Personalization.section(requireNonNull(preferences, "preferences")),
        UserStatistics.section(requireNonNull(dailyStats, "dailyStats")),
        ActionItemsView.section(requireNonNull(actionItems, "actionItems")),
        ActivityFeed.section(requireNonNull(activity, "activity")),
        SystemOverview.section(requireNonNull(systemStatus, "systemStatus")));
  }

  /**
   * Registers the five sections on the builder, with the viewer's preferences deciding each page's
   * layout, and returns the builder.
   */
  public static IntroPageEngine.Builder register(
      IntroPageEngine.Builder builder,
      PreferenceRepository preferences,
      DailyStatsRepository dailyStats,
      ActionItemRepository actionItems,
      ActivityRepository activity,
      SystemStatusProvider systemStatus) {
    return builder
        .sections(all(preferences, dailyStats, actionItems, activity, systemStatus))
        .layout(Personalization.LAYOUT);
  }
}
