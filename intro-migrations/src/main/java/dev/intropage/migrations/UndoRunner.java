package dev.intropage.migrations;

import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rolls the schema back by running the {@code U<n>} script paired with each applied {@code V<n>},
 * newest first, and removing that version's row from Flyway's history, since Flyway's community
 * edition has no undo.
 *
 * <p>On PostgreSQL all scripts run in one transaction, so a failure leaves the schema as it was. On
 * SQLite each script commits on its own and a failure restores the backup taken before.
 */
final class UndoRunner {
  private final Database database;
  private final Function<Engine, Scripts> scripts;
  private final SqliteBackups backups;
  private final Clock clock;
  private final MigrationListener listener;

  UndoRunner(
      Database database,
      Function<Engine, Scripts> scripts,
      SqliteBackups backups,
      Clock clock,
      MigrationListener listener) {
    this.database = database;
    this.scripts = scripts;
    this.backups = backups;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Undoes the applied migrations above a version.
   *
   * @param status the schema's status now
   * @param toVersion the version to return to
   * @param backup the SQLite backup to restore if a script fails, if one was taken
   * @return the migrations undone, newest first
   * @throws MigrationException with {@link Reason#MISSING_ROLLBACK_SCRIPT} before anything runs, or
   *     {@link Reason#ROLLBACK_FAILED} after the transaction was rolled back or the backup restored
   */
  List<Migration> undo(MigrationStatus status, int toVersion, Optional<Path> backup) {
    List<Migration> toUndo =
        status.applied().stream()
            .filter(migration -> migration.version() > toVersion)
            .sorted(Comparator.comparingInt(Migration::version).reversed())
            .toList();
    List<String> sql = rollbackScripts(status.engine(), toUndo);
    boolean oneTransaction = status.engine() == Engine.POSTGRESQL;
    try (Connection connection = database.dataSource(status.engine()).getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (int i = 0; i < toUndo.size(); i++) {
          Instant started = clock.instant();
          run(connection, toUndo.get(i), sql.get(i));
          if (!oneTransaction) {
            connection.commit();
          }
          listener.onEvent(
              new MigrationEvent(
                  MigrationEvent.Kind.ROLLED_BACK,
                  toUndo.get(i).version(),
                  toUndo.get(i).description(),
                  Duration.between(started, clock.instant())));
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      String outcome = backup.map(backups::restore).orElse("the transaction was rolled back");
      throw new MigrationException(
          Reason.ROLLBACK_FAILED,
          "a rollback script failed (" + e.getMessage() + "); " + outcome,
          e);
    }
    return toUndo;
  }

  /** Reads every rollback script before any runs, so that a missing one changes nothing. */
  private List<String> rollbackScripts(Engine engine, List<Migration> migrations) {
    Scripts found = scripts.apply(engine);
    List<String> sql = new ArrayList<>();
    for (Migration migration : migrations) {
      sql.add(
          found
              .rollbackSql(migration.script())
              .orElseThrow(
                  () ->
                      new MigrationException(
                          Reason.MISSING_ROLLBACK_SCRIPT,
                          "no rollback script for " + migration.script())));
    }
    return sql;
  }

  private static void run(Connection connection, Migration migration, String sql)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String part : SqlStatements.split(sql)) {
        statement.execute(part);
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM " + Catalog.HISTORY_TABLE + " WHERE version = ?")) {
      delete.setString(1, Integer.toString(migration.version()));
      delete.executeUpdate();
    }
  }
}
