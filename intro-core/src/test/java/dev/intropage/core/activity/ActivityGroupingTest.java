package dev.intropage.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.activity.ActivityFeed.ActivityGroup;
import dev.intropage.core.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityGroupingTest {
  private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final UserId ADA = UserId.of("ada");
  private static final UserId BOB = UserId.of("bob");

  @Test
  void group_sameActorTypeSubjectWithinWindow_collapsesIntoOne() {
    List<ActivityEvent> events =
        List.of(
            event("e3", ADA, "comment", "doc", T),
            event("e2", ADA, "comment", "doc", T.minusSeconds(600)),
            event("e1", ADA, "comment", "doc", T.minusSeconds(1200)));

    List<ActivityGroup> groups = ActivityGrouping.group(events, Optional.empty(), HOUR);

    assertThat(groups)
        .containsExactly(
            new ActivityGroup(
                "comment",
                ADA,
                "doc",
                3,
                T.minusSeconds(1200),
                T,
                List.of("e3", "e2", "e1"),
                true));
  }

  @Test
  void group_spanExactlyWindow_staysOneGroup_spanBeyond_splits() {
    List<ActivityEvent> exact =
        List.of(
            event("b", ADA, "comment", "doc", T), event("a", ADA, "comment", "doc", T.minus(HOUR)));
    List<ActivityEvent> beyond =
        List.of(
            event("b", ADA, "comment", "doc", T),
            event("a", ADA, "comment", "doc", T.minus(HOUR).minusNanos(1)));

    assertThat(ActivityGrouping.group(exact, Optional.empty(), HOUR)).hasSize(1);
    assertThat(ActivityGrouping.group(beyond, Optional.empty(), HOUR))
        .extracting(ActivityGroup::eventIds)
        .containsExactly(List.of("b"), List.of("a"));
  }

  @Test
  void group_spanIsMeasuredFromTheGroupsNewestEvent_notTheNeighbour() {
    List<ActivityEvent> events =
        List.of(
            event("c", ADA, "comment", "doc", T),
            event("b", ADA, "comment", "doc", T.minusSeconds(2400)),
            event("a", ADA, "comment", "doc", T.minusSeconds(4800)));

    assertThat(ActivityGrouping.group(events, Optional.empty(), HOUR))
        .extracting(ActivityGroup::eventIds)
        .containsExactly(List.of("c", "b"), List.of("a"));
  }

  @Test
  void group_differentActorTypeOrSubject_breaksTheRun() {
    List<ActivityEvent> events =
        List.of(
            event("e5", ADA, "comment", "doc", T),
            event("e4", BOB, "comment", "doc", T.minusSeconds(1)),
            event("e3", BOB, "edit", "doc", T.minusSeconds(2)),
            event("e2", BOB, "edit", "other", T.minusSeconds(3)),
            event("e1", ADA, "comment", "doc", T.minusSeconds(4)));

    assertThat(ActivityGrouping.group(events, Optional.empty(), HOUR))
        .extracting(ActivityGroup::count)
        .containsExactly(1, 1, 1, 1, 1);
  }

  @Test
  void group_zeroWindow_groupsOnlySimultaneousEvents() {
    List<ActivityEvent> events =
        List.of(
            event("c", ADA, "comment", "doc", T),
            event("b", ADA, "comment", "doc", T),
            event("a", ADA, "comment", "doc", T.minusNanos(1)));

    assertThat(ActivityGrouping.group(events, Optional.empty(), Duration.ZERO))
        .extracting(ActivityGroup::count)
        .containsExactly(2, 1);
  }

  @Test
  void group_unread_whenNewestEventIsAfterLastVisit() {
    List<ActivityEvent> events =
        List.of(
            event("c", ADA, "comment", "doc", T),
            event("b", ADA, "comment", "doc", T.minusSeconds(60)),
            event("a", BOB, "edit", "doc", T.minusSeconds(120)));

    List<ActivityGroup> groups =
        ActivityGrouping.group(events, Optional.of(T.minusSeconds(90)), HOUR);

    assertThat(groups).extracting(ActivityGroup::unread).containsExactly(true, false);
  }

  @Test
  void group_eventExactlyAtLastVisit_isRead() {
    List<ActivityEvent> events = List.of(event("a", ADA, "comment", "doc", T));

    assertThat(ActivityGrouping.group(events, Optional.of(T), HOUR).get(0).unread()).isFalse();
  }

  @Test
  void group_eventsNotQuiteNewestFirst_spanFromOldestToNewest() {
    List<ActivityEvent> events =
        List.of(
            event("a", ADA, "comment", "doc", T.minusSeconds(60)),
            event("b", ADA, "comment", "doc", T));

    ActivityGroup group = ActivityGrouping.group(events, Optional.empty(), HOUR).get(0);

    assertThat(group.firstAt()).isEqualTo(T.minusSeconds(60));
    assertThat(group.lastAt()).isEqualTo(T);
  }

  @Test
  void group_noEvents_noGroups() {
    assertThat(ActivityGrouping.group(List.of(), Optional.empty(), HOUR)).isEmpty();
  }

  @Test
  void group_negativeWindow_isRejected() {
    assertThatThrownBy(() -> ActivityGrouping.group(List.of(), Optional.empty(), HOUR.negated()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unreadCount_countsEventsNotGroups() {
    List<ActivityEvent> events =
        List.of(
            event("c", ADA, "comment", "doc", T),
            event("b", ADA, "comment", "doc", T.minusSeconds(60)),
            event("a", ADA, "comment", "doc", T.minusSeconds(120)));

    assertThat(ActivityGrouping.unreadCount(events, Optional.of(T.minusSeconds(90)))).isEqualTo(2);
    assertThat(ActivityGrouping.unreadCount(events, Optional.empty())).isEqualTo(3);
  }

  @Test
  void activityGroup_countMustMatchIds_andTimesBeOrdered() {
    assertThatThrownBy(() -> new ActivityGroup("t", ADA, "s", 2, T, T, List.of("a"), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActivityGroup("t", ADA, "s", 0, T, T, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ActivityGroup("t", ADA, "s", 1, T, T.minusNanos(1), List.of("a"), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void activityEvent_blankFieldsOrLongId_areRejected() {
    assertThatThrownBy(() -> event(" ", ADA, "t", "s", T))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> event("x".repeat(129), ADA, "t", "s", T))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> event("i", ADA, "", "s", T))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> event("i", ADA, "t", " ", T))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newestFirst_ordersByTimeThenIdDescending() {
    ActivityEvent a = event("a", ADA, "t", "s", T);
    ActivityEvent b = event("b", ADA, "t", "s", T);
    ActivityEvent older = event("z", ADA, "t", "s", T.minusNanos(1));

    assertThat(List.of(older, a, b).stream().sorted(ActivityEvent.NEWEST_FIRST).toList())
        .containsExactly(b, a, older);
  }

  static ActivityEvent event(String id, UserId actor, String type, String subject, Instant at) {
    return new ActivityEvent(id, actor, Optional.empty(), type, subject, at);
  }
}
