package dev.intropage.core.actions;

import static dev.intropage.core.actions.Items.NOW;
import static dev.intropage.core.actions.Items.created;
import static dev.intropage.core.actions.Items.due;
import static dev.intropage.core.actions.Items.open;
import static dev.intropage.core.actions.Items.version;
import static dev.intropage.core.actions.Items.withPriority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionRankingTest {
  private static List<String> ids(ActionItemsView view) {
    return view.items().stream().map(ranked -> ranked.item().id()).toList();
  }

  @Test
  void rank_overdueBeforePriority() {
    var critical = withPriority(open("critical"), Priority.CRITICAL);
    var overdueLow = due(withPriority(open("overdueLow"), Priority.LOW), NOW.minusSeconds(60));

    var view = ActionRanking.rank(List.of(critical, overdueLow), NOW, 10);

    assertThat(ids(view)).containsExactly("overdueLow", "critical");
    assertThat(view.overdueCount()).isEqualTo(1);
    assertThat(view.items().get(0).overdue()).isTrue();
    assertThat(view.items().get(1).overdue()).isFalse();
  }

  @Test
  void rank_mostOverdueFirstEvenOverPriority() {
    var slightly = due(withPriority(open("slightly"), Priority.CRITICAL), NOW.minusSeconds(1));
    var long1 = due(withPriority(open("long"), Priority.LOW), NOW.minusSeconds(86_400));

    assertThat(ids(ActionRanking.rank(List.of(slightly, long1), NOW, 10)))
        .containsExactly("long", "slightly");
  }

  @Test
  void rank_overdueSameDueAt_byPriority() {
    var dueAt = NOW.minusSeconds(10);
    var low = due(withPriority(open("low"), Priority.LOW), dueAt);
    var high = due(withPriority(open("high"), Priority.HIGH), dueAt);

    assertThat(ids(ActionRanking.rank(List.of(low, high), NOW, 10))).containsExactly("high", "low");
  }

  @Test
  void rank_byPriorityThenDueDateWithNoDueDateLast() {
    var normalNoDue = open("normalNoDue");
    var normalLater = due(open("normalLater"), NOW.plusSeconds(7200));
    var normalSoon = due(open("normalSoon"), NOW.plusSeconds(60));
    var high = withPriority(open("high"), Priority.HIGH);
    var critical = withPriority(open("critical"), Priority.CRITICAL);
    var low = due(withPriority(open("low"), Priority.LOW), NOW.plusSeconds(1));

    var view =
        ActionRanking.rank(
            List.of(low, normalNoDue, normalLater, high, normalSoon, critical), NOW, 10);

    assertThat(ids(view))
        .containsExactly("critical", "high", "normalSoon", "normalLater", "normalNoDue", "low");
  }

  @Test
  void rank_tiesBrokenByCreatedAtThenId() {
    var older = created(open("z-older"), NOW.minusSeconds(500));
    var newerB = created(open("b-newer"), NOW.minusSeconds(100));
    var newerA = created(open("a-newer"), NOW.minusSeconds(100));

    assertThat(ids(ActionRanking.rank(List.of(newerB, older, newerA), NOW, 10)))
        .containsExactly("z-older", "a-newer", "b-newer");
  }

  @Test
  void rank_orderDoesNotDependOnInputOrder() {
    var priorities = List.of(Priority.LOW, Priority.CRITICAL, Priority.NORMAL, Priority.HIGH);
    var items = new ArrayList<ActionItem>();
    for (int i = 0; i < 20; i++) {
      var item = withPriority(open("i" + i), priorities.get(i % 4));
      items.add(i % 3 == 0 ? item : due(item, NOW.plusSeconds(600L * (i - 10))));
    }
    var expected = ids(ActionRanking.rank(items, NOW, 20));
    Collections.reverse(items);
    assertThat(ids(ActionRanking.rank(items, NOW, 20))).isEqualTo(expected);
  }

  @Test
  void rank_onlyOpenItems() {
    var completed = open("completed").withState(ActionState.COMPLETED);
    var dismissed = open("dismissed").withState(ActionState.DISMISSED);

    var view = ActionRanking.rank(List.of(completed, open("open"), dismissed), NOW, 10);

    assertThat(ids(view)).containsExactly("open");
    assertThat(view.openCount()).isEqualTo(1);
  }

  @Test
  void rank_snoozedHiddenUntilTheExactBoundary() {
    var until = NOW.plusSeconds(30);
    var snoozed = open("snoozed").withSnoozedUntil(Optional.of(until));

    var before = ActionRanking.rank(List.of(snoozed), until.minusNanos(1), 10);
    assertThat(before.items()).isEmpty();
    assertThat(before.snoozedCount()).isEqualTo(1);
    assertThat(before.openCount()).isZero();

    var atBoundary = ActionRanking.rank(List.of(snoozed), until, 10);
    assertThat(ids(atBoundary)).containsExactly("snoozed");
    assertThat(atBoundary.snoozedCount()).isZero();
    assertThat(atBoundary.openCount()).isEqualTo(1);
  }

  @Test
  void rank_snoozedOverdueItem_isHiddenAndNotCountedOverdue() {
    var item =
        due(open("a"), NOW.minusSeconds(60)).withSnoozedUntil(Optional.of(NOW.plusSeconds(1)));

    var view = ActionRanking.rank(List.of(item), NOW, 10);

    assertThat(view.items()).isEmpty();
    assertThat(view.overdueCount()).isZero();
    assertThat(view.snoozedCount()).isEqualTo(1);
  }

  @Test
  void rank_overdueBoundary_dueNowIsNotOverdue() {
    var dueNow = due(open("dueNow"), NOW);
    var justPast = due(open("justPast"), NOW.minusNanos(1));

    var view = ActionRanking.rank(List.of(dueNow, justPast), NOW, 10);

    assertThat(ids(view)).containsExactly("justPast", "dueNow");
    var past = view.items().get(0);
    assertThat(past.overdue()).isTrue();
    assertThat(past.dueIn()).contains(Duration.ofNanos(-1));
    var now = view.items().get(1);
    assertThat(now.overdue()).isFalse();
    assertThat(now.dueIn()).contains(Duration.ZERO);
    assertThat(view.overdueCount()).isEqualTo(1);
  }

  @Test
  void rank_dueInIsTimeUntilDueAndEmptyWithoutDueDate() {
    var view = ActionRanking.rank(List.of(due(open("a"), NOW.plusSeconds(90)), open("b")), NOW, 10);

    assertThat(view.items().get(0).dueIn()).contains(Duration.ofSeconds(90));
    assertThat(view.items().get(1).dueIn()).isEmpty();
  }

  @Test
  void rank_limitAppliesAfterRanking() {
    var items = new ArrayList<ActionItem>();
    for (int i = 0; i < 5; i++) {
      items.add(created(open("i" + i), NOW.minusSeconds(100 - i)));
    }
    items.add(withPriority(open("critical"), Priority.CRITICAL));
    items.add(due(open("overdue"), NOW.minusSeconds(1)));

    var view = ActionRanking.rank(items, NOW, 3);

    assertThat(ids(view)).containsExactly("overdue", "critical", "i0");
    assertThat(view.truncated()).isTrue();
    assertThat(view.openCount()).isEqualTo(7);
    assertThat(view.overdueCount()).isEqualTo(1);
  }

  @Test
  void rank_exactlyLimitVisible_isNotTruncated() {
    var snoozed = open("s").withSnoozedUntil(Optional.of(NOW.plusSeconds(5)));

    var view = ActionRanking.rank(List.of(open("a"), open("b"), snoozed), NOW, 2);

    assertThat(view.items()).hasSize(2);
    assertThat(view.truncated()).isFalse();
  }

  @Test
  void rank_duplicateIds_keepTheHighestVersion() {
    var stale = open("a");
    var fresh = version(open("a"), 3).withState(ActionState.COMPLETED);
    var otherStale = version(open("b"), 2);
    var otherSame = created(version(open("b"), 2), NOW.minusSeconds(1));

    var view = ActionRanking.rank(List.of(stale, fresh, otherStale, otherSame), NOW, 10);

    assertThat(ids(view)).containsExactly("b");
    assertThat(view.items().get(0).item()).isSameAs(otherStale);
  }

  @Test
  void rank_rejectsBadLimit() {
    assertThatThrownBy(() -> ActionRanking.rank(List.of(), NOW, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rank_nothing_isEmptyView() {
    var view = ActionRanking.rank(List.of(), Instant.EPOCH, 1);
    assertThat(view).isEqualTo(new ActionItemsView(List.of(), 0, 0, 0, false));
  }
}
