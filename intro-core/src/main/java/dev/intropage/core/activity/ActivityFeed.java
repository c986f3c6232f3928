package dev.intropage.core.activity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of the activity feed.
 *
 * @param groups the page's events, grouped, newest first
 * @param unreadCount how many of the page's events happened after the viewer's last visit
 * @param nextCursor the token for the next page, or empty when this is the last page
 */
public record ActivityFeed(
    List<ActivityGroup> groups, int unreadCount, Optional<String> nextCursor) {

  /**
   * Validates the page and copies the groups.
   *
   * @throws IllegalArgumentException if the unread count is negative
   */
  public ActivityFeed {
    groups = List.copyOf(groups);
    requireNonNull(nextCursor, "nextCursor");
    if (unreadCount < 0) {
      throw new IllegalArgumentException("unreadCount must not be negative");
    }
  }

  /** Returns an empty page with no next page. */
  public static ActivityFeed empty() {
    return new ActivityFeed(List.of(), 0, Optional.empty());
  }
}
