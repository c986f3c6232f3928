package dev.intropage.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rollback script into statements at the semicolons that end them.
 *
 * <p>Quoted text ({@code '...'} literals and {@code "..."} identifiers) is copied as it is, so a
 * semicolon or comment marker inside quotes does not split; line ({@code --}) and block comments
 * are dropped. Rollback scripts hold plain DDL and DML, so dollar-quoted bodies, backslash escapes
 * and nested comments are not understood.
 *
 * <p>Flyway parses its own scripts, but its parser is not part of its API: it lives in {@code
 * org.flywaydb.core.internal} and is built from Flyway's internal database objects, which may
 * change in any release. This class does the one thing the undo runner needs without that tie.
 */
final class SqlStatements {
  private SqlStatements() {}

  /** The statements of a script in order, stripped, without comments or empty statements. */
  static List<String> split(String sql) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = afterClosing(sql, i + 1, String.valueOf(c));
        current.append(sql, i, end);
        i = end;
      } else if (sql.startsWith("--", i)) {
        int newline = sql.indexOf('\n', i);
        i = newline < 0 ? sql.length() : newline;
      } else if (sql.startsWith("/*", i)) {
        i = afterClosing(sql, i + 2, "*/");
        current.append(' ');
      } else if (c == ';') {
        add(statements, current);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return statements;
  }

  /**
   * The index just past the first {@code closing} at or after {@code from}, or the end of the
   * script if there is none. A doubled quote inside a literal ends it and starts the next one at
   * once, which copies the same text.
   */
  private static int afterClosing(String sql, int from, String closing) {
    int at = sql.indexOf(closing, from);
    return at < 0 ? sql.length() : at + closing.length();
  }

  private static void add(List<String> statements, StringBuilder current) {
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    current.setLength(0);
  }
}
