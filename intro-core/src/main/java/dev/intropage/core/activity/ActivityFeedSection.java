package dev.intropage.core.activity;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy;
import dev.intropage.core.activity.ActivityRepository.ActivityCursor;
import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the activity feed: the viewer's and their teams' recent events, grouped, with an unread
 * marker and a cursor for the next page. Thread-safe if the repository is.
 */
final class ActivityFeedSection {
  static final SectionPolicy POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(100))
          .cacheTtl(Duration.ofSeconds(15))
          .staleWhileRevalidate(Duration.ofSeconds(30))
          .maxStale(Duration.ofMinutes(10))
          .build();

  /** The number of events on the first page unless configured otherwise. */
  static final int DEFAULT_PAGE_SIZE = 20;

  /** The longest span of one group unless configured otherwise. */
  static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  /** The largest page a caller may ask for. */
  static final int MAX_PAGE_SIZE = ActivityFeed.MAX_PAGE_SIZE;

  private final ActivityRepository repository;
  private final int pageSize;
  private final Duration window;

  /** Creates the section with pages of {@value #DEFAULT_PAGE_SIZE} and a one-hour group window. */
  ActivityFeedSection(ActivityRepository repository) {
    this(repository, DEFAULT_PAGE_SIZE, DEFAULT_WINDOW);
  }

  /**
   * Creates the section.
   *
   * @param repository where the events come from
   * @param pageSize the number of events on the first page, 1 to {@value #MAX_PAGE_SIZE}
   * @param window the longest span of one group of repeated events
   * @throws IllegalArgumentException if the page size is out of range or the window is negative
   */
  ActivityFeedSection(ActivityRepository repository, int pageSize, Duration window) {
    this.repository = requireNonNull(repository, "repository");
    this.window = requireNonNull(window, "window");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE);
    }
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    this.pageSize = pageSize;
  }

  /**
   * Returns the first page of the viewer's feed: the newest events, whatever their time, since
   * {@code now} only names the moment of the request.
   */
  ActivityFeed load(UserProfile viewer, Instant now) {
    requireNonNull(now, "now");
    return page(viewer, Optional.empty(), pageSize);
  }

  /**
   * Returns the page of the viewer's feed that follows the cursor, or the first page without one.
   *
   * @param viewer who is looking; their own and their teams' events are shown
   * @param cursor a {@link ActivityFeed#nextCursor()} from an earlier page, if any
   * @param limit the largest number of events on the page, 1 to {@value #MAX_PAGE_SIZE}
   * @throws InvalidInputException with field {@code limit} if the limit is out of range, or {@code
   *     cursor} if the cursor is not a valid token
   */
  ActivityFeed page(UserProfile viewer, Optional<String> cursor, int limit) {
    requireNonNull(viewer, "viewer");
    requireNonNull(cursor, "cursor");
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidInputException("limit", "must be 1 to " + MAX_PAGE_SIZE);
    }
    Optional<ActivityCursor> before = cursor.map(ActivityCursor::decode);
    List<ActivityEvent> fetched = repository.recent(viewer.id(), viewer.teams(), before, limit + 1);
    boolean more = fetched.size() > limit;
    List<ActivityEvent> events = more ? fetched.subList(0, limit) : fetched;
    Optional<String> next =
        more ? Optional.of(ActivityCursor.of(events.get(limit - 1)).encode()) : Optional.empty();
    return new ActivityFeed(
        ActivityGrouping.group(events, viewer.lastVisitAt(), window),
        ActivityGrouping.unreadCount(events, viewer.lastVisitAt()),
        next);
  }
}
