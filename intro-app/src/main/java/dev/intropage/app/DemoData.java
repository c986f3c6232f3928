package dev.intropage.app;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionState;
import dev.intropage.core.actions.Priority;
import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.personalization.Preferences;
import dev.intropage.core.personalization.Theme;
import dev.intropage.core.statistics.DailyCount;
import dev.intropage.core.statistics.DailyStatsRepository;
import dev.intropage.core.system.ComponentState;
import dev.intropage.core.system.ComponentStatus;
import dev.intropage.core.system.MaintenanceNotice;
import dev.intropage.core.system.NoticeSeverity;
import dev.intropage.core.system.SystemSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo data set in memory: Ada Lovelace and Grace Hopper with a few weeks of history, relative
 * to the clock, so the demo always looks current. Immutable and thread-safe.
 */
final class DemoData {
  static final UserId ADA = UserId.of("ada");
  static final UserId GRACE = UserId.of("grace");

  private final Instant now;
  private final Map<UserId, UserProfile> users;

  DemoData(Clock clock) {
    this.now = clock.instant();
    this.users =
        Map.of(
            ADA,
            new UserProfile(
                ADA,
                "Ada Lovelace",
                ZoneId.of("Europe/London"),
                Locale.UK,
                Set.of("engines"),
                Optional.of(now.minus(Duration.ofHours(14)))),
            GRACE,
            new UserProfile(
                GRACE,
                "Grace Hopper",
                ZoneId.of("America/New_York"),
                Locale.US,
                Set.of("engines", "compilers"),
                Optional.of(now.minus(Duration.ofDays(2)))));
  }

  /** Returns an engine builder with every built-in section fed from this data set. */
  IntroPageEngine.Builder engine(Clock clock) {
    return IntroPageEngine.builder()
        .clock(clock)
        .users(id -> Optional.ofNullable(users.get(id)))
        .preferences(
            id ->
                id.equals(GRACE)
                    ? Optional.of(
                        new Preferences(
                            id,
                            Optional.of(Theme.DARK),
                            Optional.empty(),
                            List.of("actions", "activity"),
                            Set.of(),
                            Optional.empty(),
                            Optional.empty(),
                            1))
                    : Optional.empty())
        .dailyStats(stats())
        .actionItems((owner, limit) -> actions(owner).stream().limit(limit).toList())
        .activity(
            (user, teams, before, limit) ->
                activity().stream()
                    .filter(
                        e -> e.actor().equals(user) || e.team().filter(teams::contains).isPresent())
                    .filter(e -> before.map(cursor -> cursor.precedes(e)).orElse(true))
                    .sorted(ActivityEvent.NEWEST_FIRST)
                    .limit(limit)
                    .toList())
        .systemStatus(
            at ->
                new SystemSnapshot(
                    List.of(
                        new ComponentStatus("database", ComponentState.UP, "in memory", true),
                        new ComponentStatus(
                            "search", ComponentState.DEGRADED, "slow replica", false)),
                    users.size(),
                    "0.1.0-SNAPSHOT",
                    Optional.of("demo"),
                    List.of(
                        new MaintenanceNotice(
                            "upgrade",
                            "Database upgrade on Sunday 02:00 UTC",
                            NoticeSeverity.INFO,
                            at.plus(Duration.ofDays(2)),
                            at.plus(Duration.ofDays(2)).plus(Duration.ofHours(1))))));
  }

  private DailyStatsRepository stats() {
    return new DailyStatsRepository() {
      @Override
      public List<DailyCount> daily(UserId user, LocalDate from, LocalDate to) {
        List<DailyCount> days = new ArrayList<>();
        int seed = user.value().hashCode() & 0xff;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
          int events = (int) ((day.toEpochDay() * 31 + seed) % 7);
          boolean recent = !day.isBefore(to.minusDays(5));
          if (events > 0 || recent) {
            days.add(new DailyCount(day, recent ? Math.max(events, 2) : events, events / 2));
          }
        }
        return days;
      }

      @Override
      public long openActions(UserId user) {
        return actions(user).size();
      }
    };
  }

  private List<ActionItem> actions(UserId owner) {
    if (!users.containsKey(owner)) {
      return List.of();
    }
    return List.of(
        item(
            owner,
            "a-1",
            "Review the quarterly numbers",
            Priority.HIGH,
            now.minus(Duration.ofHours(3))),
        item(
            owner,
            "a-2",
            "Approve Grace's compiler patch",
            Priority.CRITICAL,
            now.plus(Duration.ofDays(1))),
        item(
            owner,
            "a-3",
            "Update the engine diagrams",
            Priority.LOW,
            now.plus(Duration.ofDays(9))));
  }

  private ActionItem item(UserId owner, String id, String title, Priority priority, Instant due) {
    return new ActionItem(
        id + "-" + owner.value(),
        owner,
        title,
        priority,
        Optional.of(due),
        ActionState.OPEN,
        Optional.empty(),
        now.minus(Duration.ofDays(7)),
        0);
  }

  private List<ActivityEvent> activity() {
    List<ActivityEvent> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(
          new ActivityEvent(
              "g-" + i,
              GRACE,
              Optional.of("compilers"),
              "commit",
              "A-0 compiler",
              now.minus(Duration.ofMinutes(20L + i * 5L))));
    }
    events.add(
        new ActivityEvent(
            "a-1",
            ADA,
            Optional.of("engines"),
            "comment",
            "Note G",
            now.minus(Duration.ofHours(20))));
    events.add(
        new ActivityEvent(
            "g-9",
            GRACE,
            Optional.of("engines"),
            "review",
            "Note G",
            now.minus(Duration.ofHours(2))));
    return events;
  }
}
