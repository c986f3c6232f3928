package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Reading and applying the versioned scripts through Flyway, on SQLite. */
class FlywayMigratorTest {
  @TempDir Path dir;
  private final List<MigrationEvent> events = new ArrayList<>();

  @Test
  void status_freshDatabase_hasEveryMigrationPending() {
    MigrationStatus status = migrator("fresh.db", 0, "db").status();

    assertThat(status.engine()).isEqualTo(Engine.SQLITE);
    assertThat(status.supported()).isTrue();
    assertThat(status.currentVersion()).isZero();
    assertThat(status.applied()).isEmpty();
    assertThat(status.pending())
        .extracting(Migration::script)
        .startsWith("V1__users.sql")
        .hasSize(MigrationContract.LATEST);
    assertThat(status.drift()).isEmpty();
    assertThat(status.failed()).isFalse();
  }

  @Test
  void migrate_withTarget_stopsThereAndReportsEachMigration() {
    FlywayMigrator migrator = migrator("target.db", 2, "db");

    migrator.migrate(Engine.SQLITE);

    MigrationStatus status = migrator.status();
    assertThat(status.currentVersion()).isEqualTo(2);
    assertThat(status.applied()).extracting(Migration::version).containsExactly(1, 2);
    assertThat(status.pending()).as("above the target").isEmpty();
    assertThat(events)
        .extracting(MigrationEvent::kind, MigrationEvent::version)
        .containsExactly(
            tuple(MigrationEvent.Kind.STARTED, 1),
            tuple(MigrationEvent.Kind.FINISHED, 1),
            tuple(MigrationEvent.Kind.STARTED, 2),
            tuple(MigrationEvent.Kind.FINISHED, 2));
  }

  @Test
  void migrate_scriptFails_throwsAndKeepsTheMigrationsBeforeIt() {
    FlywayMigrator migrator = migrator("fails.db", 0, "db", "broken/fails");

    assertThatThrownBy(() -> migrator.migrate(Engine.SQLITE))
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("no_such_table");

    assertThat(migrator.status().currentVersion()).isEqualTo(7);
    assertThat(events)
        .filteredOn(event -> event.kind() == MigrationEvent.Kind.FAILED)
        .extracting(MigrationEvent::version)
        .containsExactly(8);
  }

  private FlywayMigrator migrator(String file, int target, String... roots) {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve(file));
    ClassLoader loader = getClass().getClassLoader();
    return new FlywayMigrator(
        new Database(dataSource),
        engine -> new Scripts(List.of(roots), engine, loader),
        loader,
        target,
        Clock.systemUTC(),
        events::add);
  }
}
