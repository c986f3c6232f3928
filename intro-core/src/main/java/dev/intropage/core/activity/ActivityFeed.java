package dev.intropage.core.activity;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.Section;
import dev.intropage.core.SectionKey;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import java.time.Instant;
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
  /** The section's key: recent activity of the viewer and their teams, grouped. */
  public static final SectionKey<ActivityFeed> KEY = SectionKey.of("activity", ActivityFeed.class);

  /** The largest page of older activity a caller may ask for. */
  public static final int MAX_PAGE_SIZE = 100;

  /**
   * Returns the activity feed section over the repository, with its default policy and an empty
   * feed as its default value.
   */
  public static Section<ActivityFeed> section(ActivityRepository repository) {
    ActivityFeedSection section = new ActivityFeedSection(repository);
    return Section.of(
            KEY,
            context -> section.load(context.viewer(), context.now()),
            ActivityFeedSection.POLICY)
        .withFallback(context -> empty());
  }

  /**
   * Returns the page of the viewer's feed that follows the cursor, or the first page without one.
   *
   * @param viewer who is looking; their own and their teams' events are shown
   * @param cursor a {@link #nextCursor()} from an earlier page, if any
   * @param limit the largest number of events on the page, 1 to {@value #MAX_PAGE_SIZE}
   * @throws dev.intropage.core.model.InvalidInputException with field {@code limit} if the limit is
   *     out of range, or {@code cursor} if the cursor is not a valid token
   */
  public static ActivityFeed page(
      ActivityRepository repository, UserProfile viewer, Optional<String> cursor, int limit) {
    return new ActivityFeedSection(repository).page(viewer, cursor, limit);
  }

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

  /**
   * Adjacent events of one actor, type and subject shown as one line, such as "Ada commented 3
   * times on the roadmap".
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
}
