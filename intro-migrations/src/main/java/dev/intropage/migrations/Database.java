package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import dev.intropage.migrations.MigrationException.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The database the runner works on: which engine and version it runs, and connections set up for
 * that engine. On SQLite every connection enforces foreign keys, as the checks and rollback scripts
 * expect.
 */
final class Database {
  private final DataSource dataSource;

  Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Reads the engine and the server's version.
   *
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the database cannot be read
   */
  Server server() {
    try (Connection connection = dataSource.getConnection()) {
      Engine engine = Engine.fromProductName(connection.getMetaData().getDatabaseProductName());
      String version =
          switch (engine) {
            case SQLITE -> single(connection, "SELECT sqlite_version()");
            case POSTGRESQL -> single(connection, "SHOW server_version");
            case OTHER -> connection.getMetaData().getDatabaseProductVersion();
          };
      return new Server(engine, version);
    } catch (SQLException e) {
      throw new MigrationException(Reason.DATABASE_ERROR, String.valueOf(e.getMessage()), e);
    }
  }

  /** The data source to use on an engine: on SQLite one whose connections enforce foreign keys. */
  DataSource dataSource(Engine engine) {
    return engine == Engine.SQLITE ? new ForeignKeysDataSource(dataSource) : dataSource;
  }

  /**
   * Runs work on a new connection for an engine and closes it.
   *
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the work throws an {@link
   *     SQLException}
   */
  <T> T withConnection(Engine engine, SqlWork<T> work) {
    try (Connection connection = dataSource(engine).getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new MigrationException(Reason.DATABASE_ERROR, String.valueOf(e.getMessage()), e);
    }
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return requireNonNull(rs.getString(1), sql);
    }
  }

  /** Work done on one connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * An engine and the version its server reports.
   *
   * @param engine the engine
   * @param version the server's version, such as {@code 3.46.1} or {@code 16.4}
   */
  record Server(Engine engine, String version) {}
}
