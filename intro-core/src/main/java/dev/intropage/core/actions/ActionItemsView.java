package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.Section;
import dev.intropage.core.SectionKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The actionable items section's value: the top items in rank order and counts over all of them.
 *
 * <p>Counts are taken over the items the repository returned, before the display limit.
 *
 * @param items the items to show, best first
 * @param openCount how many open items are visible (not snoozed), shown or not
 * @param overdueCount how many of the visible open items are overdue
 * @param snoozedCount how many open items are hidden by a snooze
 * @param truncated whether more items are visible than are shown
 */
public record ActionItemsView(
    List<RankedItem> items, int openCount, int overdueCount, int snoozedCount, boolean truncated) {
  /** The section's key: the viewer's open action items, ranked, with overdue flags. */
  public static final SectionKey<ActionItemsView> KEY =
      SectionKey.of("actions", ActionItemsView.class);

  /** Returns the actionable items section over the repository, with its default policy. */
  public static Section<ActionItemsView> section(ActionItemRepository repository) {
    ActionItemsSection section = new ActionItemsSection(repository);
    return Section.of(
        KEY, context -> section.load(context.viewer(), context.now()), ActionItemsSection.POLICY);
  }

  /**
   * Validates the counts and copies the items.
   *
   * @throws IllegalArgumentException if a count is negative, more items are shown or overdue than
   *     are open, or {@code truncated} does not say whether fewer items are shown than are open
   */
  public ActionItemsView {
    items = List.copyOf(items);
    if (openCount < 0 || overdueCount < 0 || snoozedCount < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (items.size() > openCount || overdueCount > openCount) {
      throw new IllegalArgumentException(
          "openCount " + openCount + " is less than the items shown or overdue");
    }
    if (truncated != (items.size() < openCount)) {
      throw new IllegalArgumentException(
          "truncated must be true exactly when fewer items are shown than are open");
    }
  }

  /**
   * An item as the section shows it, with its urgency relative to the time the page was built.
   *
   * @param item the item
   * @param overdue whether the due date had passed ({@code dueAt} strictly before now); an item due
   *     exactly now is not overdue
   * @param dueIn the time from now until the due date, negative when overdue, empty without a due
   *     date
   */
  public record RankedItem(ActionItem item, boolean overdue, Optional<Duration> dueIn) {

    /**
     * Validates that the flags agree with each other.
     *
     * @throws IllegalArgumentException if {@code dueIn} is present without a due date or missing
     *     with one, or {@code overdue} differs from {@code dueIn} being negative
     */
    public RankedItem {
      requireNonNull(item, "item");
      requireNonNull(dueIn, "dueIn");
      if (dueIn.isPresent() != item.dueAt().isPresent()) {
        throw new IllegalArgumentException("dueIn must be present exactly when the item has dueAt");
      }
      if (overdue != dueIn.map(Duration::isNegative).orElse(false)) {
        throw new IllegalArgumentException("overdue must be true exactly when dueIn is negative");
      }
    }
  }
}
