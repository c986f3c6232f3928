package dev.intropage.core.activity;

import dev.intropage.core.activity.ActivityRepository.ActivityCursor;
import dev.intropage.core.model.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A repository over a fixed list of events that follows the port's contract to the letter. */
final class InMemoryActivityRepository implements ActivityRepository {
  private final List<ActivityEvent> events;

  InMemoryActivityRepository(List<ActivityEvent> events) {
    this.events = List.copyOf(events);
  }

  @Override
  public List<ActivityEvent> recent(
      UserId user, Set<String> teams, Optional<ActivityCursor> before, int limit) {
    return events.stream()
        .filter(e -> e.actor().equals(user) || e.team().filter(teams::contains).isPresent())
        .filter(e -> before.map(c -> c.precedes(e)).orElse(true))
        .sorted(ActivityEvent.NEWEST_FIRST)
        .limit(limit)
        .toList();
  }
}
