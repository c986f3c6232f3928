package dev.intropage.jdbc;

import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.model.UserRepository;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Reads a profile and its teams in one statement: one row per team, or one row without. */
final class JdbcUsers implements UserRepository {
  static final String FIND =
      """
      SELECT u.id, u.display_name, u.zone, u.locale, u.last_visit_at, t.team
      FROM users u LEFT JOIN user_teams t ON t.user_id = u.id
      WHERE u.id = :id
      ORDER BY t.team
      """;

  private final Jdbi jdbi;

  JdbcUsers(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<UserProfile> find(UserId id) {
    List<Row> rows =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(FIND)
                    .bind("id", id.value())
                    .map(
                        (rs, ctx) ->
                            new Row(
                                Sql.string(rs, "display_name"),
                                Sql.string(rs, "zone"),
                                Sql.string(rs, "locale"),
                                Sql.optionalInstant(rs, "last_visit_at"),
                                Sql.optionalString(rs, "team")))
                    .list());
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Set<String> teams = new LinkedHashSet<>();
    rows.forEach(row -> row.team().ifPresent(teams::add));
    Row first = rows.get(0);
    return Optional.of(
        new UserProfile(
            id,
            first.displayName(),
            ZoneId.of(first.zone()),
            Locale.forLanguageTag(first.locale()),
            teams,
            first.lastVisitAt()));
  }

  private record Row(
      String displayName,
      String zone,
      String locale,
      Optional<java.time.Instant> lastVisitAt,
      Optional<String> team) {}
}
