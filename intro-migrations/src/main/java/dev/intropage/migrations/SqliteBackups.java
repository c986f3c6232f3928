package dev.intropage.migrations;

import dev.intropage.migrations.MigrationException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a copy of a SQLite database file before the schema changes ({@code <file>.bak-<version>},
 * with {@code VACUUM INTO}) and restores it when a rollback fails. The copy is kept for the
 * operator to delete. PostgreSQL gets no copy, as its rollback runs in one transaction, and neither
 * does an in-memory SQLite database, which has no file.
 */
final class SqliteBackups {
  private static final System.Logger LOG = System.getLogger(SqliteBackups.class.getName());
  private static final Pattern URL_OPTIONS = Pattern.compile("\\?.*$");

  private final Database database;
  private final Clock clock;
  private final MigrationListener listener;

  SqliteBackups(Database database, Clock clock, MigrationListener listener) {
    this.database = database;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Copies a SQLite database file to {@code <file>.bak-<version>}, replacing an older copy of that
   * name.
   *
   * @param version the schema version the copy holds
   * @return the copy, or empty for PostgreSQL or an in-memory database
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the copy cannot be written
   */
  Optional<Path> take(Engine engine, int version) {
    if (engine != Engine.SQLITE) {
      return Optional.empty();
    }
    return database.withConnection(
        engine,
        connection -> {
          Optional<Path> file = file(connection);
          if (file.isEmpty()) {
            return Optional.<Path>empty();
          }
          Path backup = file.get().resolveSibling(file.get().getFileName() + ".bak-" + version);
          Instant started = clock.instant();
          try {
            Files.deleteIfExists(backup);
          } catch (IOException e) {
            throw new MigrationException(
                Reason.DATABASE_ERROR, "cannot replace the old backup " + backup, e);
          }
          try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO " + literal(backup.toString()));
          }
          listener.onEvent(
              new MigrationEvent(
                  MigrationEvent.Kind.BACKUP_TAKEN,
                  version,
                  backup.toString(),
                  Duration.between(started, clock.instant())));
          return Optional.of(backup);
        });
  }

  /**
   * Overwrites the database with a copy, using the xerial driver's {@code restore from} command.
   * Never throws: the result is a sentence for the error message of the failure that led here.
   *
   * @return what happened: the copy was restored, or restoring failed too and must be done by hand
   */
  String restore(Path backup) {
    Instant started = clock.instant();
    try (Connection connection = database.dataSource(Engine.SQLITE).getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("restore from " + literal(backup.toString()));
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.ERROR, "cannot restore the backup " + backup, e);
      return "restoring the backup failed too ("
          + e.getMessage()
          + "); copy "
          + backup
          + " over the database file by hand";
    }
    listener.onEvent(
        new MigrationEvent(
            MigrationEvent.Kind.BACKUP_RESTORED,
            0,
            backup.toString(),
            Duration.between(started, clock.instant())));
    return "the backup " + backup + " was restored";
  }

  /** The main database's file, or empty for an in-memory database. */
  private static Optional<Path> file(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        String file = rs.getString("file");
        if ("main".equals(rs.getString("name")) && file != null && !file.isEmpty()) {
          return Optional.of(Path.of(URL_OPTIONS.matcher(file).replaceAll("")));
        }
      }
    }
    return Optional.empty();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
