package dev.intropage.core.activity;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.activity.ActivityFeed.ActivityGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collapses runs of repeated events into {@link ActivityGroup}s and marks what is new since the
 * viewer's last visit. Stateless and thread-safe.
 */
final class ActivityGrouping {
  private ActivityGrouping() {}

  /**
   * Groups events: adjacent events (in the given order) with the same actor, type and subject
   * collapse into one group as long as the group's span, from its oldest to its newest event, stays
   * within the window (inclusive). A group is unread when its newest event happened after the last
   * visit, and every group is unread when there was no visit.
   *
   * @param newestFirst the events, newest first
   * @param lastVisit when the viewer last opened the page, if ever
   * @param window the longest span one group may cover; zero groups only simultaneous events
   * @throws IllegalArgumentException if the window is negative
   */
  static List<ActivityGroup> group(
      List<ActivityEvent> newestFirst, Optional<Instant> lastVisit, Duration window) {
    requireNonNull(newestFirst, "newestFirst");
    requireNonNull(lastVisit, "lastVisit");
    requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    List<ActivityGroup> groups = new ArrayList<>();
    List<ActivityEvent> run = new ArrayList<>();
    for (ActivityEvent event : newestFirst) {
      if (!run.isEmpty() && !fits(run, event, window)) {
        groups.add(toGroup(run, lastVisit));
        run.clear();
      }
      run.add(event);
    }
    if (!run.isEmpty()) {
      groups.add(toGroup(run, lastVisit));
    }
    return List.copyOf(groups);
  }

  /** Returns how many of the events happened after the last visit; all of them if none. */
  static int unreadCount(List<ActivityEvent> events, Optional<Instant> lastVisit) {
    return (int) events.stream().filter(event -> isUnread(event.occurredAt(), lastVisit)).count();
  }

  private static boolean fits(List<ActivityEvent> run, ActivityEvent event, Duration window) {
    ActivityEvent head = run.get(0);
    if (!head.actor().equals(event.actor())
        || !head.type().equals(event.type())
        || !head.subject().equals(event.subject())) {
      return false;
    }
    Instant first = min(earliest(run), event.occurredAt());
    Instant last = max(latest(run), event.occurredAt());
    return Duration.between(first, last).compareTo(window) <= 0;
  }

  private static ActivityGroup toGroup(List<ActivityEvent> run, Optional<Instant> lastVisit) {
    ActivityEvent head = run.get(0);
    Instant last = latest(run);
    return new ActivityGroup(
        head.type(),
        head.actor(),
        head.subject(),
        run.size(),
        earliest(run),
        last,
        run.stream().map(ActivityEvent::id).toList(),
        isUnread(last, lastVisit));
  }

  private static boolean isUnread(Instant at, Optional<Instant> lastVisit) {
    return lastVisit.map(at::isAfter).orElse(true);
  }

  private static Instant earliest(List<ActivityEvent> run) {
    return run.stream().map(ActivityEvent::occurredAt).reduce(ActivityGrouping::min).orElseThrow();
  }

  private static Instant latest(List<ActivityEvent> run) {
    return run.stream().map(ActivityEvent::occurredAt).reduce(ActivityGrouping::max).orElseThrow();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
