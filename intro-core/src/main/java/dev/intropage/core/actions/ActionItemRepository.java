package dev.intropage.core.actions;

import dev.intropage.core.model.UserId;
import java.util.List;

/** Reads the open actionable items the section ranks. */
@FunctionalInterface
public interface ActionItemRepository {
  /**
   * Returns at most {@code limit} of the owner's open items, snoozed ones included, in any order.
   */
  List<ActionItem> open(UserId owner, int limit);
}
