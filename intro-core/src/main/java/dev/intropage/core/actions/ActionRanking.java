package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.actions.ActionItemsView.RankedItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a user's actionable items for display. Stateless and thread-safe.
 *
 * <p>The order is total, so it does not depend on the order the items came in:
 *
 * <ol>
 *   <li>overdue items ({@code dueAt} strictly before now) first, the most overdue first;
 *   <li>then by priority, {@link Priority#CRITICAL} first;
 *   <li>then by due date, earliest first, items without a due date last;
 *   <li>then by creation time, oldest first;
 *   <li>then by id.
 * </ol>
 */
final class ActionRanking {
  private ActionRanking() {}

  /**
   * Ranks the items as of {@code now} and keeps the best {@code limit}.
   *
   * <p>Only {@link ActionState#OPEN} items are shown. An item snoozed until after {@code now} is
   * hidden and counted as snoozed; from the instant its snooze ends it is shown again. When several
   * items have the same id, only the one with the highest version is considered (the first of
   * equals).
   *
   * @throws IllegalArgumentException if {@code limit} is less than 1
   */
  static ActionItemsView rank(List<ActionItem> items, Instant now, int limit) {
    requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    Map<String, ActionItem> latest = new LinkedHashMap<>();
    for (var item : items) {
      latest.merge(
          item.id(), item, (kept, other) -> other.version() > kept.version() ? other : kept);
    }
    var visible = new ArrayList<ActionItem>();
    int snoozed = 0;
    for (var item : latest.values()) {
      if (item.state() != ActionState.OPEN) {
        continue;
      }
      if (item.snoozedUntil().map(until -> until.isAfter(now)).orElse(false)) {
        snoozed++;
      } else {
        visible.add(item);
      }
    }
    visible.sort(order(now));
    int overdue = (int) visible.stream().filter(item -> isOverdue(item, now)).count();
    var shown =
        visible.stream()
            .limit(limit)
            .map(
                item ->
                    new RankedItem(
                        item,
                        isOverdue(item, now),
                        item.dueAt().map(dueAt -> Duration.between(now, dueAt))))
            .toList();
    return new ActionItemsView(
        shown, visible.size(), overdue, snoozed, visible.size() > shown.size());
  }

  /** Returns the display order as of {@code now}, as described on the class. */
  static Comparator<ActionItem> order(Instant now) {
    return Comparator.<ActionItem, Boolean>comparing(item -> !isOverdue(item, now))
        .thenComparing(item -> isOverdue(item, now) ? item.dueAt().orElseThrow() : Instant.MIN)
        .thenComparing(ActionItem::priority)
        .thenComparing(item -> item.dueAt().isEmpty())
        .thenComparing(item -> item.dueAt().orElse(Instant.MIN))
        .thenComparing(ActionItem::createdAt)
        .thenComparing(ActionItem::id);
  }

  private static boolean isOverdue(ActionItem item, Instant now) {
    return item.dueAt().map(dueAt -> dueAt.isBefore(now)).orElse(false);
  }
}
