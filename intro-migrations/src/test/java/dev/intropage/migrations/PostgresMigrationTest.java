package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.migrations.MigrationException.Reason;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration contract on a real PostgreSQL, plus its all-or-nothing rollback: one embedded
 * server for the class, a fresh database per test. A server that cannot start fails the class;
 * nothing is skipped.
 */
class PostgresMigrationTest extends MigrationContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  @BeforeAll
  static void startServer() throws Exception {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Override
  DataSource freshDatabase() throws Exception {
    String name = "intro_" + DATABASES.incrementAndGet();
    Snapshot.execute(server.getPostgresDatabase(), "CREATE DATABASE " + name);
    return server.getDatabase("postgres", name);
  }

  @Override
  Engine engine() {
    return Engine.POSTGRESQL;
  }

  @Test
  void rollbackTo_rollbackScriptFails_leavesTheSchemaAsItWas() throws Exception {
    DataSource db = freshDatabase();
    List<MigrationEvent> events = new ArrayList<>();
    MigrationRunner runner =
        runner(db).extraScripts("broken/bad-rollback").listener(events::add).build();
    runner.apply();
    Seed.upTo(db, LATEST, "x");
    Snapshot before = Snapshot.read(db, engine());

    assertThatThrownBy(() -> runner.rollbackTo(LATEST))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ROLLBACK_FAILED);
              assertThat(e)
                  .hasMessageContaining("no_such_table", "the transaction was rolled back");
            });

    assertThat(runner.status().currentVersion()).as("U8 undone with the transaction").isEqualTo(8);
    assertThat(Snapshot.read(db, engine())).isEqualTo(before);
    assertThat(events)
        .extracting(MigrationEvent::kind)
        .doesNotContain(MigrationEvent.Kind.BACKUP_TAKEN);
  }

  @Override
  void orphanUserTeam(DataSource db) throws Exception {
    // PostgreSQL always enforces a valid key; an orphan needs a constraint added NOT VALID.
    Snapshot.execute(
        db,
        "ALTER TABLE user_teams DROP CONSTRAINT user_teams_user_id_fkey",
        "INSERT INTO user_teams VALUES ('nobody', 'ghosts')",
        "ALTER TABLE user_teams ADD CONSTRAINT user_teams_user_id_fkey"
            + " FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID");
  }
}
