package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Copies of a SQLite database file, written before a change and restored after a failure. */
class SqliteBackupsTest {
  @TempDir Path dir;
  private final List<MigrationEvent> events = new ArrayList<>();
  private Path file;
  private DataSource dataSource;
  private SqliteBackups backups;

  @BeforeEach
  void database() throws Exception {
    file = dir.resolve("intro.db");
    dataSource = sqlite("jdbc:sqlite:" + file);
    Snapshot.execute(
        dataSource, "CREATE TABLE notes (id TEXT PRIMARY KEY)", "INSERT INTO notes VALUES ('a')");
    backups = new SqliteBackups(new Database(dataSource), Clock.systemUTC(), events::add);
  }

  @Test
  void take_fileDatabase_writesACopyNamedForTheVersion() throws Exception {
    Path backup = backups.take(Engine.SQLITE, 3).orElseThrow();

    assertThat(backup).isEqualTo(dir.resolve("intro.db.bak-3"));
    assertThat(rows(backup)).containsExactly("a");
    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(MigrationEvent.Kind.BACKUP_TAKEN);
              assertThat(event.version()).isEqualTo(3);
              assertThat(event.detail()).isEqualTo(backup.toString());
            });
  }

  @Test
  void take_olderCopyOfTheSameName_isReplaced() throws Exception {
    Files.writeString(dir.resolve("intro.db.bak-3"), "an old copy");

    Path backup = backups.take(Engine.SQLITE, 3).orElseThrow();

    assertThat(rows(backup)).containsExactly("a");
  }

  @Test
  void take_oldCopyCannotBeRemoved_isDatabaseError() throws Exception {
    Files.createDirectories(dir.resolve("intro.db.bak-3").resolve("in-the-way"));

    assertThatThrownBy(() -> backups.take(Engine.SQLITE, 3))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.DATABASE_ERROR);
              assertThat(e).hasMessageContaining("cannot replace the old backup");
            });
  }

  @Test
  void take_postgresqlOrInMemory_takesNone() throws Exception {
    SqliteBackups unreachable =
        new SqliteBackups(
            new Database(sqlite("jdbc:sqlite:" + dir.resolve("no/such/dir.db"))),
            Clock.systemUTC(),
            events::add);
    SqliteBackups memory =
        new SqliteBackups(
            new Database(sqlite("jdbc:sqlite::memory:")), Clock.systemUTC(), events::add);

    assertThat(unreachable.take(Engine.POSTGRESQL, 3)).as("never connects").isEmpty();
    assertThat(memory.take(Engine.SQLITE, 3)).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void restore_putsTheCopyBack() throws Exception {
    Path backup = backups.take(Engine.SQLITE, 3).orElseThrow();
    Snapshot.execute(dataSource, "DELETE FROM notes", "INSERT INTO notes VALUES ('b')");

    String outcome = backups.restore(backup);

    assertThat(outcome).isEqualTo("the backup " + backup + " was restored");
    assertThat(rows(file)).containsExactly("a");
    assertThat(events)
        .extracting(MigrationEvent::kind)
        .containsExactly(MigrationEvent.Kind.BACKUP_TAKEN, MigrationEvent.Kind.BACKUP_RESTORED);
  }

  @Test
  void restore_copyCannotBeOpened_saysToCopyByHandAndDoesNotThrow() throws Exception {
    Path missing = dir.resolve("no/such/dir/intro.db.bak-3");

    String outcome = backups.restore(missing);

    assertThat(outcome)
        .startsWith("restoring the backup failed too")
        .endsWith("copy " + missing + " over the database file by hand");
    assertThat(rows(file)).containsExactly("a");
    assertThat(events).isEmpty();
  }

  private static List<String> rows(Path database) throws Exception {
    SQLiteDataSource copy = sqlite("jdbc:sqlite:" + database);
    try (var connection = copy.getConnection()) {
      return Snapshot.rows(connection, "SELECT id FROM notes ORDER BY id");
    }
  }

  private static SQLiteDataSource sqlite(String url) {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(url);
    return dataSource;
  }
}
