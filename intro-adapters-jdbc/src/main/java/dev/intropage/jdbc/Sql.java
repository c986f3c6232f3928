package dev.intropage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Conversions between the schema's column types and Java values. */
final class Sql {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Sql() {}

  /** Epoch microseconds, the schema's time type; nanoseconds below a microsecond are dropped. */
  static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000L);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return instant(rs.getLong(column));
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(instant(micros));
  }

  static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static String string(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value;
  }

  /** The schema's local day: {@code YYYY-MM-DD} in the given zone. */
  static String day(Instant instant, ZoneId zone) {
    return LocalDate.ofInstant(instant, zone).toString();
  }

  /** A comma-separated list, as {@code preferences.section_order} stores it. */
  static String joinList(Collection<String> keys) {
    return String.join(",", keys);
  }

  /** A comma-separated set in a stable (sorted) order. */
  static String joinSet(Collection<String> keys) {
    return String.join(",", new TreeSet<>(keys));
  }

  static List<String> splitList(String joined) {
    List<String> keys = new ArrayList<>();
    int start = 0;
    while (start < joined.length()) {
      int comma = joined.indexOf(',', start);
      int end = comma < 0 ? joined.length() : comma;
      if (end > start) {
        keys.add(joined.substring(start, end));
      }
      start = end + 1;
    }
    return keys;
  }
}
