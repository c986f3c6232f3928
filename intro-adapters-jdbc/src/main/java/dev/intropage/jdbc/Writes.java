package dev.intropage.jdbc;

import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.model.UserId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The adapter's own writes (activity events and visits), and the statements the stores share: the
 * daily rollup and the user's time zone, whose local day the rollup counts in.
 */
final class Writes {
  static final String UPSERT_DAILY =
      """
      INSERT INTO daily_stats (user_id, day, events, completed)
      VALUES (:user, :day, :events, :completed)
      ON CONFLICT (user_id, day) DO UPDATE
      SET events = daily_stats.events + excluded.events,
          completed = daily_stats.completed + excluded.completed
      """;

  private final Jdbi jdbi;
  private final Clock clock;

  Writes(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  boolean recordActivity(ActivityEvent event) {
    return jdbi.inTransaction(
        handle -> {
          ZoneId zone = zoneOf(handle, event.actor());
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO activity_events ("
                          + Rows.ACTIVITY_COLUMNS
                          + ") VALUES (:id, :actor, :team, :type, :subject, :at)"
                          + " ON CONFLICT (id) DO NOTHING")
                  .bind("id", event.id())
                  .bind("actor", event.actor().value())
                  .bind("team", event.team().orElse(null))
                  .bind("type", event.type())
                  .bind("subject", event.subject())
                  .bind("at", Sql.micros(event.occurredAt()))
                  .execute();
          if (inserted == 0) {
            return false;
          }
          addDaily(handle, event.actor(), Sql.day(event.occurredAt(), zone), 1, 0);
          return true;
        });
  }

  boolean recordVisit(UserId user) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("UPDATE users SET last_visit_at = :at WHERE id = :id")
                    .bind("at", Sql.micros(clock.instant()))
                    .bind("id", user.value())
                    .execute())
        == 1;
  }

  /** Adds events and completions to the user's rollup of one local day. */
  static void addDaily(Handle handle, UserId user, String day, int events, int completed) {
    handle
        .createUpdate(UPSERT_DAILY)
        .bind("user", user.value())
        .bind("day", day)
        .bind("events", events)
        .bind("completed", completed)
        .execute();
  }

  /** Returns the user's time zone, or empty if there is no such user. */
  static Optional<ZoneId> findZone(Handle handle, UserId user) {
    return handle
        .createQuery("SELECT zone FROM users WHERE id = :id")
        .bind("id", user.value())
        .mapTo(String.class)
        .findOne()
        .map(ZoneId::of);
  }

  /**
   * Returns the user's time zone.
   *
   * @throws IllegalArgumentException if there is no such user
   */
  static ZoneId zoneOf(Handle handle, UserId user) {
    return findZone(handle, user)
        .orElseThrow(() -> new IllegalArgumentException("no such user: " + user.value()));
  }
}
