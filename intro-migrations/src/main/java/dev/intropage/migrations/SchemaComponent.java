package dev.intropage.migrations;

import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import java.util.Optional;

/** Reports a schema's status as the system overview's critical {@code "migrations"} component. */
final class SchemaComponent {
  static final String NAME = "migrations";

  private SchemaComponent() {}

  /**
   * UP when the schema is current, DEGRADED with pending migrations, DOWN with an unsupported
   * engine, drift or a failed migration.
   */
  static SchemaStatus of(MigrationStatus status) {
    ComponentStatus component;
    if (!status.supported()) {
      component = component(ComponentState.DOWN, SchemaGuard.unsupported(status));
    } else if (!status.drift().isEmpty()) {
      component = component(ComponentState.DOWN, "drift: " + String.join("; ", status.drift()));
    } else if (status.failed()) {
      component = component(ComponentState.DOWN, "a migration failed; see flyway_schema_history");
    } else if (!status.pending().isEmpty()) {
      component =
          component(
              ComponentState.DEGRADED,
              status.pending().size()
                  + " pending migration(s) after version "
                  + status.currentVersion());
    } else {
      component = component(ComponentState.UP, "schema version " + status.currentVersion());
    }
    return new SchemaStatus(component, status.schemaVersion());
  }

  /** DOWN without a version, for a schema that could not be read. */
  static SchemaStatus unreadable(RuntimeException cause) {
    return new SchemaStatus(
        component(ComponentState.DOWN, "cannot read the schema: " + cause.getMessage()),
        Optional.empty());
  }

  private static ComponentStatus component(ComponentState state, String detail) {
    return new ComponentStatus(NAME, state, detail, true);
  }
}
