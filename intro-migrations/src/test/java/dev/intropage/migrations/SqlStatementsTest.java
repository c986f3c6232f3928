package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Splitting rollback scripts into statements. */
class SqlStatementsTest {

  @Test
  void split_statementsEndedBySemicolons_areStrippedAndCommentsDropped() {
    assertThat(SqlStatements.split("-- c\nDROP TABLE a;\n\n DROP TABLE b ;"))
        .containsExactly("DROP TABLE a", "DROP TABLE b");
  }

  @Test
  void split_lastStatementWithoutSemicolon_isKept() {
    assertThat(SqlStatements.split("DROP TABLE a; DROP TABLE b"))
        .containsExactly("DROP TABLE a", "DROP TABLE b");
  }

  @Test
  void split_onlyCommentsAndEmptyStatements_givesNothing() {
    assertThat(SqlStatements.split("-- nothing here\n ;; \n/* nor; here */\n-- end")).isEmpty();
  }

  @Test
  void split_lineCommentAfterStatement_endsAtTheLine() {
    assertThat(SqlStatements.split("DROP TABLE a -- why; not a split\n;SELECT 1"))
        .containsExactly("DROP TABLE a", "SELECT 1");
  }

  @Test
  void split_blockComment_isDroppedAndSeparatesWords() {
    assertThat(SqlStatements.split("DROP/* a; b */TABLE a;/* trailing */"))
        .containsExactly("DROP TABLE a");
  }

  @Test
  void split_semicolonAndCommentMarkersInsideLiteral_areText() {
    assertThat(SqlStatements.split("INSERT INTO t VALUES ('a;b', '--c', '/*d*/'); SELECT 1;"))
        .containsExactly("INSERT INTO t VALUES ('a;b', '--c', '/*d*/')", "SELECT 1");
  }

  @Test
  void split_doubledQuoteInsideLiteral_staysInOneStatement() {
    assertThat(SqlStatements.split("UPDATE t SET x = 'it''s; fine'; SELECT 1"))
        .containsExactly("UPDATE t SET x = 'it''s; fine'", "SELECT 1");
  }

  @Test
  void split_semicolonInsideQuotedIdentifier_isText() {
    assertThat(SqlStatements.split("DROP TABLE \"odd;name\"; DROP TABLE b;"))
        .containsExactly("DROP TABLE \"odd;name\"", "DROP TABLE b");
  }

  @Test
  void split_unclosedLiteralOrComment_runsToTheEnd() {
    assertThat(SqlStatements.split("SELECT 1; SELECT 'open; still open"))
        .containsExactly("SELECT 1", "SELECT 'open; still open");
    assertThat(SqlStatements.split("SELECT 1; /* open; comment")).containsExactly("SELECT 1");
  }

  @Test
  void split_everyShippedRollbackScript_givesOneStatementPerLine() throws Exception {
    for (String name :
        List.of(
            "U1__users",
            "U2__activity_events",
            "U3__action_items",
            "U4__daily_stats",
            "U5__preferences_and_idempotency",
            "U6__system_status")) {
      String sql = read("db/rollback/common/" + name + ".sql");
      List<String> lines =
          sql.lines()
              .filter(line -> !line.isBlank() && !line.startsWith("--"))
              .map(line -> line.substring(0, line.lastIndexOf(';')))
              .toList();

      assertThat(SqlStatements.split(sql)).as(name).isNotEmpty().isEqualTo(lines);
    }
  }

  private static String read(String resource) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            SqlStatementsTest.class.getClassLoader().getResourceAsStream(resource), resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
