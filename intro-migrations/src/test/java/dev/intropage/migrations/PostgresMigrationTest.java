package dev.intropage.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The migration contract on a real PostgreSQL: one embedded server for the class, a fresh database
 * per test. A server that cannot start fails the class; nothing is skipped.
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
