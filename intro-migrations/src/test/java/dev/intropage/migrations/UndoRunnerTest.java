package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Running rollback scripts on SQLite, where each commits on its own. Both engines' rollbacks of
 * every version are in {@link MigrationContract}; the failure with a backup in {@link
 * SqliteMigrationTest}.
 */
class UndoRunnerTest {
  @TempDir Path dir;
  private final List<MigrationEvent> events = new ArrayList<>();
  private final SQLiteDataSource dataSource = new SQLiteDataSource();

  @Test
  void undo_runsThePairedScriptsNewestFirstAndForgetsTheirVersions() throws Exception {
    MigrationStatus status = applied("db");

    List<Migration> undone = undoRunner("db").undo(status, 4, Optional.empty());

    assertThat(undone).extracting(Migration::version).containsExactly(6, 5);
    assertThat(events)
        .extracting(MigrationEvent::kind, MigrationEvent::version, MigrationEvent::detail)
        .containsExactly(
            tuple(MigrationEvent.Kind.ROLLED_BACK, 6, "system status"),
            tuple(MigrationEvent.Kind.ROLLED_BACK, 5, "preferences and idempotency"));
    assertThat(runner().build().status().currentVersion()).isEqualTo(4);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(new Catalog(Engine.SQLITE).tables(connection))
          .containsExactlyInAnyOrder(
              "users", "user_teams", "activity_events", "action_items", "daily_stats");
    }
  }

  @Test
  void undo_missingRollbackScript_runsNothing() throws Exception {
    MigrationStatus status = applied("db", "broken/no-rollback");

    assertThatThrownBy(
            () -> undoRunner("db", "broken/no-rollback").undo(status, 5, Optional.empty()))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MISSING_ROLLBACK_SCRIPT);
              assertThat(e).hasMessageContaining("V7__no_rollback.sql");
            });

    assertThat(events).isEmpty();
    assertThat(runner("broken/no-rollback").build().status().currentVersion()).isEqualTo(7);
  }

  @Test
  void undo_scriptFailsWithoutBackup_keepsTheScriptsThatCommitted() throws Exception {
    MigrationStatus status = applied("db", "broken/bad-rollback");

    assertThatThrownBy(
            () -> undoRunner("db", "broken/bad-rollback").undo(status, 6, Optional.empty()))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ROLLBACK_FAILED);
              assertThat(e)
                  .hasMessageContaining("no_such_table", "the transaction was rolled back");
            });

    assertThat(events).extracting(MigrationEvent::version).containsExactly(8);
    assertThat(runner("broken/bad-rollback").build().status().currentVersion())
        .as("U8 committed, U7 rolled back")
        .isEqualTo(7);
  }

  private MigrationStatus applied(String... roots) {
    MigrationRunner runner = runner(roots).build();
    runner.apply();
    return runner.status();
  }

  private MigrationRunner.Builder runner(String... roots) {
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("undo.db"));
    MigrationRunner.Builder builder = MigrationRunner.builder(dataSource);
    for (String root : roots) {
      if (!root.equals("db")) {
        builder.extraScripts(root);
      }
    }
    return builder;
  }

  private UndoRunner undoRunner(String... roots) {
    ClassLoader loader = getClass().getClassLoader();
    Database database = new Database(dataSource);
    return new UndoRunner(
        database,
        engine -> new Scripts(List.of(roots), engine, loader),
        new SqliteBackups(database, Clock.systemUTC(), events::add),
        Clock.systemUTC(),
        events::add);
  }
}
