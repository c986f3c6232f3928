package dev.intropage.migrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** Reads what the checks need from one engine's catalog: tables, indexes, counts, hashes. */
final class Catalog {
  /** Flyway's history table; never counted as data. */
  static final String HISTORY_TABLE = "flyway_schema_history";

  private final Engine engine;

  Catalog(Engine engine) {
    this.engine = engine;
  }

  /** The user tables, sorted, without Flyway's history. */
  Set<String> tables(Connection connection) throws SQLException {
    String sql =
        engine == Engine.SQLITE
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
    Set<String> tables = new TreeSet<>(strings(connection, sql));
    tables.remove(HISTORY_TABLE);
    return tables;
  }

  /** The index names, sorted. */
  Set<String> indexes(Connection connection) throws SQLException {
    String sql =
        engine == Engine.SQLITE
            ? "SELECT name FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()";
    return new TreeSet<>(strings(connection, sql));
  }

  /** The row count of every user table. */
  Map<String, Long> rowCounts(Connection connection) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables(connection)) {
      counts.put(table, count(connection, table));
    }
    return counts;
  }

  /** The row count of a table, or empty if it does not exist. */
  OptionalLong rowCount(Connection connection, String table) throws SQLException {
    return tables(connection).contains(table)
        ? OptionalLong.of(count(connection, table))
        : OptionalLong.empty();
  }

  /** The columns of a table in their declared order; empty if it does not exist. */
  List<String> columns(Connection connection, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        if (engine == Engine.SQLITE || isCurrentSchema(connection, rs.getString("TABLE_SCHEM"))) {
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return columns;
  }

  /**
   * A SHA-256 of a table's rows ordered by the first column, over the given columns, or of nothing
   * if the table is missing or lacks one of them.
   */
  String hash(Connection connection, String table, List<String> columns) throws SQLException {
    MessageDigest digest = sha256();
    if (!columns.isEmpty() && Set.copyOf(columns(connection, table)).containsAll(columns)) {
      StringBuilder select = new StringBuilder("SELECT ");
      for (int i = 0; i < columns.size(); i++) {
        select.append(i == 0 ? "" : ", ").append(quote(columns.get(i)));
      }
      select.append(" FROM ").append(quote(table)).append(" ORDER BY 1");
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(select.toString())) {
        while (rs.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            String value = rs.getString(i);
            digest.update((value == null ? "\u0000" : value).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f);
          }
          digest.update((byte) 0x1e);
        }
      }
    } else {
      digest.update("missing".getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Descriptions of foreign keys that do not hold; empty when all hold. */
  List<String> foreignKeyViolations(Connection connection) throws SQLException {
    List<String> violations = new ArrayList<>();
    if (engine == Engine.SQLITE) {
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("PRAGMA foreign_key_check")) {
        while (rs.next()) {
          violations.add(
              rs.getString(1) + " row " + rs.getLong(2) + " has no parent in " + rs.getString(3));
        }
      }
    } else {
      violations.addAll(
          strings(
              connection,
              "SELECT conrelid::regclass || ': ' || conname || ' is not validated'"
                  + " FROM pg_constraint WHERE contype = 'f' AND NOT convalidated"));
    }
    return violations;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean isCurrentSchema(Connection connection, String schema) throws SQLException {
    return schema != null && schema.equals(connection.getSchema());
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
