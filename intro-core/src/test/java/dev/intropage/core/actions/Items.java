package dev.intropage.core.actions;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.Optional;

/** Test data: action items with readable defaults. */
final class Items {
  static final UserId ADA = UserId.of("ada");
  static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

  private Items() {}

  static ActionItem open(String id) {
    return new ActionItem(
        id,
        ADA,
        "Title " + id,
        Priority.NORMAL,
        Optional.empty(),
        ActionState.OPEN,
        Optional.empty(),
        NOW.minusSeconds(3600),
        0);
  }

  static ActionItem withPriority(ActionItem item, Priority priority) {
    return new ActionItem(
        item.id(),
        item.owner(),
        item.title(),
        priority,
        item.dueAt(),
        item.state(),
        item.snoozedUntil(),
        item.createdAt(),
        item.version());
  }

  static ActionItem due(ActionItem item, Instant dueAt) {
    return new ActionItem(
        item.id(),
        item.owner(),
        item.title(),
        item.priority(),
        Optional.of(dueAt),
        item.state(),
        item.snoozedUntil(),
        item.createdAt(),
        item.version());
  }

  static ActionItem created(ActionItem item, Instant createdAt) {
    return new ActionItem(
        item.id(),
        item.owner(),
        item.title(),
        item.priority(),
        item.dueAt(),
        item.state(),
        item.snoozedUntil(),
        createdAt,
        item.version());
  }

  static ActionItem version(ActionItem item, long version) {
    return new ActionItem(
        item.id(),
        item.owner(),
        item.title(),
        item.priority(),
        item.dueAt(),
        item.state(),
        item.snoozedUntil(),
        item.createdAt(),
        version);
  }

  static ActionItem owner(ActionItem item, UserId owner) {
    return new ActionItem(
        item.id(),
        owner,
        item.title(),
        item.priority(),
        item.dueAt(),
        item.state(),
        item.snoozedUntil(),
        item.createdAt(),
        item.version());
  }
}
