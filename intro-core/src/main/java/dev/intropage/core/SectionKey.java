package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.system.SystemOverview;
import java.util.regex.Pattern;

/**
 * Names a section of the page and the type of its data; two keys are equal when their names are.
 *
 * {@snippet :
 * SectionKey<Weather> WEATHER = SectionKey.of("weather", Weather.class);
 * Optional<Weather> weather = page.data(WEATHER);
 * }
 *
 * @param name lower-case letters, digits and dashes, starting with a letter, at most 40 long
 * @param type the class of the section's data
 * @param <T> the type of the section's data
 */
public record SectionKey<T>(String name, Class<T> type) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** Greeting, theme, density and the layout; always on the page, loaded first. */
  public static final SectionKey<Personalization> PERSONALIZATION =
      of("personalization", Personalization.class);

  /** Activity counts, streaks, the 14-day series and the trend of the viewer. */
  public static final SectionKey<UserStatistics> STATISTICS =
      of("statistics", UserStatistics.class);

  /** The viewer's open action items, ranked, with overdue flags; snoozed ones hidden. */
  public static final SectionKey<ActionItemsView> ACTIONS = of("actions", ActionItemsView.class);

  /** Recent activity of the viewer and their teams, grouped, with the unread marker. */
  public static final SectionKey<ActivityFeed> ACTIVITY = of("activity", ActivityFeed.class);

  /** Component states, active users, versions and maintenance notices; the same for everyone. */
  public static final SectionKey<SystemOverview> SYSTEM = of("system", SystemOverview.class);

  /**
   * Validates the key.
   *
   * @throws IllegalArgumentException if the name does not match {@code [a-z][a-z0-9-]{0,39}}
   */
  public SectionKey {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "section name must match [a-z][a-z0-9-]{0,39}, was '" + name + "'");
    }
  }

  /**
   * Returns a key for a section.
   *
   * @throws IllegalArgumentException as the constructor does
   */
  public static <T> SectionKey<T> of(String name, Class<T> type) {
    return new SectionKey<>(name, type);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SectionKey<?> key && key.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
