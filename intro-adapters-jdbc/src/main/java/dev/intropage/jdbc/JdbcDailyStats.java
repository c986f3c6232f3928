package dev.intropage.jdbc;

import dev.intropage.core.model.UserId;
import dev.intropage.core.statistics.DailyStatsRepository;
import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the rollups by the primary key {@code (user_id, day)}, and counts open items through {@code
 * idx_action_items_owner}; one statement each.
 */
final class JdbcDailyStats implements DailyStatsRepository {
  static final String DAILY =
      "SELECT day, events, completed FROM daily_stats"
          + " WHERE user_id = :user AND day BETWEEN :from AND :to";

  static final String OPEN_ACTIONS =
      "SELECT count(*) FROM action_items WHERE owner_id = :owner AND state = 'OPEN'";

  private final Jdbi jdbi;

  JdbcDailyStats(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<DailyCount> daily(UserId user, LocalDate fromInclusive, LocalDate toInclusive) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(DAILY)
                .bind("user", user.value())
                .bind("from", fromInclusive.toString())
                .bind("to", toInclusive.toString())
                .map(
                    (rs, ctx) ->
                        new DailyCount(
                            LocalDate.parse(Sql.string(rs, "day")),
                            rs.getInt("events"),
                            rs.getInt("completed")))
                .list());
  }

  @Override
  public long openActions(UserId user) {
    return jdbi.withHandle(
        handle ->
            handle.createQuery(OPEN_ACTIONS).bind("owner", user.value()).mapTo(Long.class).one());
  }
}
