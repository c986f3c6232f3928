package dev.intropage.migrations;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Inserts rows that fit a schema version, tagged so that repeated seeding never collides. */
final class Seed {
  private Seed() {}

  /** Inserts a few rows into every table of versions 1 to {@code version}. */
  static void upTo(DataSource dataSource, int version, String tag) throws SQLException {
    for (int v = 1; v <= version; v++) {
      rowsFor(dataSource, v, tag);
    }
  }

  /** Inserts a few rows into the tables that version {@code version} adds. */
  static void rowsFor(DataSource dataSource, int version, String tag) throws SQLException {
    String u = "u-" + tag;
    switch (version) {
      case 1 ->
          Snapshot.execute(
              dataSource,
              "INSERT INTO users VALUES ('"
                  + u
                  + "', 'Ada "
                  + tag
                  + "', 'Europe/London', 'en-GB',"
                  + " NULL, 1700000000000000)",
              "INSERT INTO users VALUES ('"
                  + u
                  + "-b', 'Grace', 'America/New_York', 'en-US',"
                  + " 1700000000000001, 1700000000000000)",
              "INSERT INTO user_teams VALUES ('" + u + "', 'core')",
              "INSERT INTO user_teams VALUES ('" + u + "-b', 'web')");
      case 2 ->
          Snapshot.execute(
              dataSource,
              "INSERT INTO activity_events VALUES ('e-"
                  + tag
                  + "', '"
                  + u
                  + "', 'core', 'comment', 'doc-1', 1700000000000002)",
              "INSERT INTO activity_events VALUES ('e2-"
                  + tag
                  + "', '"
                  + u
                  + "', NULL, 'push', 'repo', 1700000000000003)");
      case 3 ->
          Snapshot.execute(
              dataSource,
              "INSERT INTO action_items VALUES ('a-"
                  + tag
                  + "', '"
                  + u
                  + "', 'Review', 'HIGH', NULL, 'OPEN', NULL, 1700000000000000, 0)");
      case 4 ->
          Snapshot.execute(
              dataSource, "INSERT INTO daily_stats VALUES ('" + u + "', '2026-11-01', 3, 1)");
      case 5 ->
          Snapshot.execute(
              dataSource,
              "INSERT INTO preferences (user_id, theme, section_order) VALUES ('"
                  + u
                  + "', 'DARK', 'activity,actions')",
              "INSERT INTO idempotency_records VALUES ('"
                  + u
                  + "', 'k-"
                  + tag
                  + "', 'h', 200, '{}', 1700000000000000)");
      case 6 ->
          Snapshot.execute(
              dataSource,
              "INSERT INTO system_components VALUES ('db-"
                  + tag
                  + "', 'UP', '', TRUE,"
                  + " 1700000000000000)",
              "INSERT INTO maintenance_notices VALUES ('m-"
                  + tag
                  + "', 'Upgrade', 'INFO',"
                  + " 1700000000000000, 1700000003600000)");
      default -> throw new IllegalArgumentException("no seed for version " + version);
    }
  }
}
