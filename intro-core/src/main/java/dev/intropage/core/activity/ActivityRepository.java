package dev.intropage.core.activity;

import dev.intropage.core.model.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Loads the recent events a viewer follows; the activity feed's only port. */
@FunctionalInterface
public interface ActivityRepository {
  /**
   * Returns the events of the user and of the given teams, newest first ({@link
   * ActivityEvent#NEWEST_FIRST}), starting strictly after the cursor's position when there is one
   * ({@link ActivityCursor#precedes(ActivityEvent)}), at most {@code limit} of them.
   *
   * @param user the viewer, whose own events are included
   * @param teams the teams whose events are included; may be empty
   * @param before the position of the last event already shown, if any
   * @param limit the largest number of events to return, at least 1
   */
  List<ActivityEvent> recent(
      UserId user, Set<String> teams, Optional<ActivityCursor> before, int limit);
}
