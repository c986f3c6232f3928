package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The migration contract on SQLite files, plus SQLite's backup and restore. */
class SqliteMigrationTest extends MigrationContract {
  @TempDir Path dir;
  private int databases;

  @Override
  DataSource freshDatabase() {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("intro-" + databases++ + ".db"));
    return dataSource;
  }

  @Override
  Engine engine() {
    return Engine.SQLITE;
  }

  @Override
  void orphanUserTeam(DataSource db) throws Exception {
    // A plain connection does not enforce foreign keys: that is why the runner turns them on.
    Snapshot.execute(db, "INSERT INTO user_teams VALUES ('nobody', 'ghosts')");
  }

  @Test
  void apply_takesBackupOfTheFileBeforeApplying() throws Exception {
    DataSource db = freshDatabase();
    List<MigrationEvent> events = new ArrayList<>();
    MigrationRunner.builder(db).target(2).build().apply();

    ApplyResult result = MigrationRunner.builder(db).listener(events::add).build().apply();

    Path backup = dir.resolve("intro-0.db.bak-2");
    assertThat(result.backup()).contains(backup);
    assertThat(backup).exists();
    assertThat(events.get(0).kind()).isEqualTo(MigrationEvent.Kind.BACKUP_TAKEN);
    assertThat(events.get(0).detail()).isEqualTo(backup.toString());
  }

  @Test
  void rollbackTo_rollbackScriptFails_restoresBackupWithDataIntact() throws Exception {
    DataSource db = freshDatabase();
    List<MigrationEvent> events = new ArrayList<>();
    MigrationRunner runner =
        MigrationRunner.builder(db)
            .extraScripts("broken/bad-rollback")
            .listener(events::add)
            .build();
    runner.apply();
    Seed.upTo(db, LATEST, "x");
    Snapshot before = Snapshot.read(db, engine());
    assertThat(before.data()).contains("scratch: kept", "scratch_notes: n1 | kept too");

    assertThatThrownBy(() -> runner.rollbackTo(LATEST))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ROLLBACK_FAILED);
              assertThat(e.getMessage()).contains("no_such_table", "was restored");
            });

    assertThat(events)
        .extracting(MigrationEvent::kind)
        .endsWith(
            MigrationEvent.Kind.BACKUP_TAKEN,
            MigrationEvent.Kind.ROLLED_BACK,
            MigrationEvent.Kind.BACKUP_RESTORED);
    assertThat(runner.status().currentVersion()).as("U8 undone by the restore").isEqualTo(8);
    assertThat(Snapshot.read(db, engine())).isEqualTo(before);
    assertThat(Files.exists(dir.resolve("intro-0.db.bak-8"))).isTrue();
  }

  @Test
  void apply_inMemoryDatabase_takesNoBackup() throws Exception {
    SQLiteDataSource memory = new SQLiteDataSource();
    memory.setUrl("jdbc:sqlite:file:mem-" + databases++ + "?mode=memory&cache=shared");
    try (var keepAlive = memory.getConnection()) {
      ApplyResult result = MigrationRunner.builder(memory).build().apply();

      assertThat(result.backup()).isEmpty();
      assertThat(result.toVersion()).isEqualTo(LATEST);
      assertThat(keepAlive.isClosed()).isFalse();
    }
  }
}
