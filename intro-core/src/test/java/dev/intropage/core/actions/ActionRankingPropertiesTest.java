package dev.intropage.core.actions;

import static dev.intropage.core.actions.Items.ADA;
import static dev.intropage.core.actions.Items.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.actions.ActionItemsView.RankedItem;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ActionRankingPropertiesTest {

  /** Instants within a few minutes of NOW, often exactly NOW, so boundaries get hit. */
  private static Arbitrary<Instant> nearNow() {
    return Arbitraries.longs().between(-300, 300).map(NOW::plusSeconds).edgeCases(c -> c.add(NOW));
  }

  private static Arbitrary<ActionItem> items(int idPool) {
    return Combinators.combine(
            Arbitraries.integers().between(0, idPool - 1).map(i -> "id" + i),
            Arbitraries.of(Priority.class),
            nearNow().optional(0.7),
            Arbitraries.of(ActionState.class),
            nearNow().optional(0.3),
            Arbitraries.longs().between(-3, 0).map(minutes -> NOW.plusSeconds(minutes * 60)),
            Arbitraries.longs().between(0, 3))
        .as(
            (id, priority, dueAt, state, snoozedUntil, createdAt, version) ->
                new ActionItem(
                    id, ADA, "title", priority, dueAt, state, snoozedUntil, createdAt, version));
  }

  @Provide
  Arbitrary<List<ActionItem>> withDuplicateIds() {
    return items(12).list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<ActionItem>> withUniqueIds() {
    return items(1000).list().ofMaxSize(30).uniqueElements(ActionItem::id);
  }

  private static boolean visible(ActionItem item) {
    return item.state() == ActionState.OPEN
        && item.snoozedUntil().map(until -> !until.isAfter(NOW)).orElse(true);
  }

  @Property(tries = 500)
  void rank_isSortedSubsetOfVisibleInputWithoutDuplicates(
      @ForAll("withDuplicateIds") List<ActionItem> input,
      @ForAll @IntRange(min = 1, max = 40) int limit) {
    var view = ActionRanking.rank(input, NOW, limit);
    var out = view.items().stream().map(RankedItem::item).toList();

    assertThat(out).allMatch(input::contains).allMatch(ActionRankingPropertiesTest::visible);
    assertThat(new HashSet<>(out.stream().map(ActionItem::id).toList())).hasSameSizeAs(out);
    assertThat(out).isSortedAccordingTo(ActionRanking.order(NOW));
    assertThat(out.size()).isLessThanOrEqualTo(limit);
    for (int i = 1; i < out.size(); i++) {
      var a = view.items().get(i - 1);
      var b = view.items().get(i);
      assertThat(!a.overdue() && b.overdue()).as("overdue first").isFalse();
      if (a.overdue() && b.overdue()) {
        assertThat(a.item().dueAt().orElseThrow())
            .isBeforeOrEqualTo(b.item().dueAt().orElseThrow());
      }
      if (!a.overdue() && !b.overdue()) {
        assertThat(a.item().priority()).isLessThanOrEqualTo(b.item().priority());
      }
    }
    for (var ranked : view.items()) {
      var dueAt = ranked.item().dueAt();
      assertThat(ranked.overdue()).isEqualTo(dueAt.map(d -> d.isBefore(NOW)).orElse(false));
    }
  }

  @Property(tries = 500)
  void rank_uniqueIds_showsTheTopOfAllVisibleItemsAndCountsTheRest(
      @ForAll("withUniqueIds") List<ActionItem> input,
      @ForAll @IntRange(min = 1, max = 40) int limit) {
    var view = ActionRanking.rank(input, NOW, limit);

    var visible =
        input.stream()
            .filter(ActionRankingPropertiesTest::visible)
            .sorted(ActionRanking.order(NOW))
            .toList();
    var expected = visible.subList(0, Math.min(limit, visible.size()));
    assertThat(view.items()).extracting(RankedItem::item).containsExactlyElementsOf(expected);
    assertThat(view.openCount()).isEqualTo(visible.size());
    assertThat(view.truncated()).isEqualTo(visible.size() > limit);
    assertThat(view.snoozedCount())
        .isEqualTo(
            input.stream()
                .filter(item -> item.state() == ActionState.OPEN && !visible(item))
                .count());
    assertThat(view.overdueCount())
        .isEqualTo(
            visible.stream()
                .filter(item -> item.dueAt().map(d -> d.isBefore(NOW)).orElse(false))
                .count());
  }
}
