package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

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
   * @throws IllegalArgumentException if {@code dueIn} is present without a due date or missing with
   *     one, or {@code overdue} differs from {@code dueIn} being negative
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
