package dev.intropage.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The catalog (tables, columns with types and nullability, indexes, constraints) and every row of
 * every table except Flyway's history, read from the engine's own catalog.
 */
record Snapshot(List<String> catalog, List<String> data) {

  static Snapshot read(DataSource dataSource, Engine engine) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<String> catalog = new ArrayList<>();
      List<String> tables;
      if (engine == Engine.SQLITE) {
        catalog.addAll(
            rows(
                connection,
                "SELECT type, name, tbl_name, sql FROM sqlite_master"
                    + " WHERE name NOT LIKE 'sqlite_autoindex_%'"
                    + " AND tbl_name <> 'flyway_schema_history' ORDER BY type, name"));
        tables =
            rows(
                connection,
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name <> 'flyway_schema_history' ORDER BY name");
        for (String table : tables) {
          catalog.addAll(
              rows(
                  connection,
                  "SELECT '"
                      + table
                      + "', name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('"
                      + table
                      + "') ORDER BY cid"));
        }
      } else {
        String notHistory = " <> 'flyway_schema_history'";
        catalog.addAll(
            rows(
                connection,
                "SELECT table_name, column_name, data_type, is_nullable, column_default"
                    + " FROM information_schema.columns WHERE table_schema = 'public'"
                    + " AND table_name"
                    + notHistory
                    + " ORDER BY table_name, ordinal_position"));
        catalog.addAll(
            rows(
                connection,
                "SELECT tablename, indexname, indexdef FROM pg_indexes"
                    + " WHERE schemaname = 'public' AND tablename"
                    + notHistory
                    + " ORDER BY tablename, indexname"));
        catalog.addAll(
            rows(
                connection,
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                    + " AND conrelid::regclass::text"
                    + notHistory
                    + " ORDER BY 1, 2"));
        tables =
            rows(
                connection,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_name"
                    + notHistory
                    + " ORDER BY table_name");
      }
      List<String> data = new ArrayList<>();
      for (String table : tables) {
        for (String row : rows(connection, "SELECT * FROM " + table)) {
          data.add(table + ": " + row);
        }
      }
      data.sort(null);
      return new Snapshot(catalog, data);
    }
  }

  static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.append(i == 1 ? "" : " | ").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  static void execute(DataSource dataSource, String... statements) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static long count(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return Long.parseLong(rows(connection, "SELECT COUNT(*) FROM " + table).get(0));
    }
  }
}
