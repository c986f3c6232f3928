package dev.intropage.jdbc;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.activity.ActivityRepository.ActivityCursor;
import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads the feed in one statement: one branch for the viewer's own events (index {@code
 * idx_activity_events_actor}) and one per team (index {@code idx_activity_events_team}), each
 * already newest first and limited, merged by the outer ORDER BY and LIMIT. Team branches leave out
 * the viewer's own events, which the first branch has, so that no event comes twice.
 */
final class JdbcActivity implements ActivityRepository {
  private final Jdbi jdbi;

  JdbcActivity(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<ActivityEvent> recent(
      UserId user, Set<String> teams, Optional<ActivityCursor> before, int limit) {
    requireNonNull(user, "user");
    requireNonNull(before, "before");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    List<String> sortedTeams = List.copyOf(new TreeSet<>(teams));
    String sql = sql(sortedTeams.size(), before.isPresent());
    return jdbi.withHandle(
        handle -> {
          Query query = handle.createQuery(sql).bind("user", user.value()).bind("limit", limit);
          for (int i = 0; i < sortedTeams.size(); i++) {
            query.bind("team" + i, sortedTeams.get(i));
          }
          before.ifPresent(
              cursor -> {
                Position position = Position.of(cursor);
                query.bind("at", position.micros()).bind("id", position.id());
              });
          return query.map(Rows.ACTIVITY_EVENT).list();
        });
  }

  /** The feed's statement for a number of teams, with or without a cursor. */
  static String sql(int teams, boolean cursor) {
    String page = cursor ? " AND (occurred_at, id) < (:at, :id)" : "";
    String order = " ORDER BY occurred_at DESC, id DESC LIMIT :limit";
    StringBuilder sql = new StringBuilder();
    sql.append("SELECT ")
        .append(Rows.ACTIVITY_COLUMNS)
        .append(" FROM (SELECT ")
        .append(Rows.ACTIVITY_COLUMNS)
        .append(" FROM activity_events WHERE actor_id = :user")
        .append(page)
        .append(order)
        .append(") own");
    for (int i = 0; i < teams; i++) {
      sql.append(" UNION ALL SELECT ")
          .append(Rows.ACTIVITY_COLUMNS)
          .append(" FROM (SELECT ")
          .append(Rows.ACTIVITY_COLUMNS)
          .append(" FROM activity_events WHERE team = :team")
          .append(i)
          .append(" AND actor_id <> :user")
          .append(page)
          .append(order)
          .append(") team")
          .append(i);
    }
    return sql.append(order).toString();
  }

  /**
   * A cursor in the schema's microseconds. A cursor between two microseconds becomes "before the
   * next microsecond, empty id", which keeps exactly the events at or before the lower one. A
   * cursor beyond what a microsecond count holds (anyone can make one) is moved to its end, which
   * keeps its order against every event the schema can hold.
   */
  record Position(long micros, String id) {
    private static final Instant FIRST = Sql.instant(Long.MIN_VALUE);
    private static final Instant LAST = Sql.instant(Long.MAX_VALUE);

    static Position of(ActivityCursor cursor) {
      if (cursor.occurredAt().isBefore(FIRST)) {
        return new Position(Long.MIN_VALUE, "");
      }
      if (cursor.occurredAt().isAfter(LAST)) {
        return new Position(Long.MAX_VALUE, "");
      }
      long micros = Sql.micros(cursor.occurredAt());
      if (!cursor.occurredAt().truncatedTo(ChronoUnit.MICROS).equals(cursor.occurredAt())) {
        return new Position(Math.addExact(micros, 1), "");
      }
      return new Position(micros, cursor.eventId());
    }
  }
}
