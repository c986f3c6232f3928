package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import java.util.Optional;

/**
 * The schema's state as the system overview shows it.
 *
 * @param component the {@code "migrations"} component: UP when current, DEGRADED with pending
 *     migrations, DOWN with drift, a failed migration, an unsupported engine or an unreadable
 *     database
 * @param schemaVersion the schema version, if the schema has one
 */
public record SchemaStatus(ComponentStatus component, Optional<String> schemaVersion) {

  /**
   * Reports a status read by {@link MigrationRunner#status()} as {@link
   * MigrationRunner#schemaStatus()} does.
   */
  public static SchemaStatus of(MigrationStatus status) {
    return SchemaComponent.of(status);
  }

  /** Validates the status. */
  public SchemaStatus {
    requireNonNull(component, "component");
    requireNonNull(schemaVersion, "schemaVersion");
  }
}
