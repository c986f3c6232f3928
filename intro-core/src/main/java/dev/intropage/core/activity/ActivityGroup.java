package dev.intropage.core.activity;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Adjacent events of one actor, type and subject shown as one line, such as "Ada commented 3 times
 * on the roadmap".
 *
 * @param type the events' type
 * @param actor the events' actor
 * @param subject the events' subject
 * @param count how many events the group holds, at least 1
 * @param firstAt when the oldest event happened
 * @param lastAt when the newest event happened; not before {@code firstAt}
 * @param eventIds the events' ids, newest first; {@code count} of them
 * @param unread whether the newest event happened after the viewer's last visit
 */
public record ActivityGroup(
    String type,
    UserId actor,
    String subject,
    int count,
    Instant firstAt,
    Instant lastAt,
    List<String> eventIds,
    boolean unread) {

  /**
   * Validates the group and copies the ids.
   *
   * @throws IllegalArgumentException if the count is not positive or differs from the number of
   *     ids, or {@code lastAt} is before {@code firstAt}
   */
  public ActivityGroup {
    requireNonNull(type, "type");
    requireNonNull(actor, "actor");
    requireNonNull(subject, "subject");
    requireNonNull(firstAt, "firstAt");
    requireNonNull(lastAt, "lastAt");
    eventIds = List.copyOf(eventIds);
    if (count < 1 || count != eventIds.size()) {
      throw new IllegalArgumentException("count must be positive and match the event ids");
    }
    if (lastAt.isBefore(firstAt)) {
      throw new IllegalArgumentException("lastAt must not be before firstAt");
    }
  }
}
