package dev.intropage.jdbc;

import dev.intropage.core.system.SystemSnapshot;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import dev.intropage.core.system.SystemSnapshot.MaintenanceNotice;
import dev.intropage.core.system.SystemSnapshot.NoticeSeverity;
import dev.intropage.core.system.SystemStatusProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the snapshot in two statements: the components, then the active-user count together with
 * the notices that have not ended (one row even when there are none).
 *
 * <p>Active users are the users whose {@code last_visit_at} lies within {@link #ACTIVE_WINDOW} of
 * now: the page records visits, so this counts people looking at it, and it reads the small {@code
 * users} table instead of scanning the events.
 */
final class JdbcSystemStatus implements SystemStatusProvider {
  static final Duration ACTIVE_WINDOW = Duration.ofMinutes(15);

  static final String COMPONENTS =
      "SELECT name, state, detail, critical FROM system_components ORDER BY critical DESC, name";

  static final String ACTIVE_AND_NOTICES =
      """
      SELECT (SELECT count(*) FROM users WHERE last_visit_at >= :since) AS active_users,
             n.id, n.message, n.severity, n.starts_at, n.ends_at
      FROM (SELECT 1 AS one) single
      LEFT JOIN maintenance_notices n ON n.ends_at > :now
      ORDER BY n.starts_at, n.id
      """;

  private final Jdbi jdbi;
  private final String version;
  private final Supplier<Optional<String>> schemaVersion;

  JdbcSystemStatus(Jdbi jdbi, String version, Supplier<Optional<String>> schemaVersion) {
    this.jdbi = jdbi;
    this.version = version;
    this.schemaVersion = schemaVersion;
  }

  @Override
  public SystemSnapshot snapshot(Instant now) {
    return jdbi.withHandle(
        handle -> {
          List<ComponentStatus> components =
              handle
                  .createQuery(COMPONENTS)
                  .map(
                      (rs, ctx) ->
                          new ComponentStatus(
                              Sql.string(rs, "name"),
                              state(Sql.string(rs, "state")),
                              Sql.string(rs, "detail"),
                              rs.getBoolean("critical")))
                  .list();
          long[] active = {0};
          List<MaintenanceNotice> notices = new ArrayList<>();
          handle
              .createQuery(ACTIVE_AND_NOTICES)
              .bind("since", Sql.micros(now.minus(ACTIVE_WINDOW)))
              .bind("now", Sql.micros(now))
              .map(
                  (rs, ctx) -> {
                    active[0] = rs.getLong("active_users");
                    Optional<String> id = Sql.optionalString(rs, "id");
                    if (id.isEmpty()) {
                      return Optional.<MaintenanceNotice>empty();
                    }
                    return Optional.of(
                        new MaintenanceNotice(
                            id.get(),
                            Sql.string(rs, "message"),
                            severity(Sql.string(rs, "severity")),
                            Sql.instant(rs, "starts_at"),
                            Sql.instant(rs, "ends_at")));
                  })
              .forEach(notice -> notice.ifPresent(notices::add));
          List<ComponentStatus> all = new ArrayList<>();
          if (components.stream().noneMatch(c -> c.name().equals("database"))) {
            all.add(new ComponentStatus("database", ComponentState.UP, "answering", true));
          }
          all.addAll(components);
          return new SystemSnapshot(all, active[0], version, schemaVersion.get(), notices);
        });
  }

  private static ComponentState state(String value) {
    try {
      return ComponentState.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ComponentState.UNKNOWN;
    }
  }

  private static NoticeSeverity severity(String value) {
    try {
      return NoticeSeverity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return NoticeSeverity.WARNING;
    }
  }
}
