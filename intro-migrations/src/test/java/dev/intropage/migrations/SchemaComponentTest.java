package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.system.SystemSnapshot.ComponentState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a schema's status shows in the system overview. */
class SchemaComponentTest {
  private static final Migration V1 = new Migration(1, "users", "V1__users.sql");
  private static final Migration V2 = new Migration(2, "activity events", "V2__activity.sql");

  @Test
  void of_currentSchema_isUpWithItsVersion() {
    SchemaStatus status = SchemaComponent.of(status(true, List.of(), List.of(), false));

    assertThat(status.component().name()).isEqualTo("migrations");
    assertThat(status.component().critical()).isTrue();
    assertThat(status.component().state()).isEqualTo(ComponentState.UP);
    assertThat(status.component().detail()).isEqualTo("schema version 1");
    assertThat(status.schemaVersion()).contains("1");
  }

  @Test
  void of_pendingMigrations_isDegraded() {
    SchemaStatus status = SchemaComponent.of(status(true, List.of(V2), List.of(), false));

    assertThat(status.component().state()).isEqualTo(ComponentState.DEGRADED);
    assertThat(status.component().detail()).isEqualTo("1 pending migration(s) after version 1");
  }

  @Test
  void of_unsupportedDriftOrFailure_isDown() {
    assertThat(SchemaComponent.of(status(false, List.of(), List.of(), false)).component())
        .satisfies(
            component -> {
              assertThat(component.state()).isEqualTo(ComponentState.DOWN);
              assertThat(component.detail())
                  .isEqualTo("SQLITE 3.30.0 is not supported (SQLite 3.35+ or PostgreSQL 14+)");
            });
    assertThat(SchemaComponent.of(status(true, List.of(V2), List.of("version 1: x"), false)))
        .satisfies(
            status -> {
              assertThat(status.component().state()).isEqualTo(ComponentState.DOWN);
              assertThat(status.component().detail()).isEqualTo("drift: version 1: x");
            });
    assertThat(SchemaComponent.of(status(true, List.of(V2), List.of(), true)).component())
        .satisfies(
            component -> {
              assertThat(component.state()).isEqualTo(ComponentState.DOWN);
              assertThat(component.detail()).startsWith("a migration failed");
            });
  }

  @Test
  void unreadable_isDownWithoutVersion() {
    SchemaStatus status =
        SchemaComponent.unreadable(
            new MigrationException(MigrationException.Reason.DATABASE_ERROR, "no file"));

    assertThat(status.component().state()).isEqualTo(ComponentState.DOWN);
    assertThat(status.component().detail())
        .isEqualTo("cannot read the schema: DATABASE_ERROR: no file");
    assertThat(status.schemaVersion()).isEmpty();
  }

  private static MigrationStatus status(
      boolean supported, List<Migration> pending, List<String> drift, boolean failed) {
    return new MigrationStatus(
        Engine.SQLITE,
        supported ? "3.46.1" : "3.30.0",
        supported,
        1,
        List.of(V1),
        pending,
        drift,
        failed);
  }
}
