package dev.intropage.core.system;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the host system reports about itself at one moment.
 *
 * @param components the state of each component, in the order to show them
 * @param activeUsers how many users are active; 0 or more
 * @param version the running version of the application
 * @param schemaVersion the database schema's version, if there is a database
 * @param notices the maintenance notices, past, current and future
 */
public record SystemSnapshot(
    List<ComponentStatus> components,
    long activeUsers,
    String version,
    Optional<String> schemaVersion,
    List<MaintenanceNotice> notices) {

  /**
   * Validates the snapshot and copies the lists.
   *
   * @throws IllegalArgumentException if the number of active users is negative
   */
  public SystemSnapshot {
    components = List.copyOf(components);
    requireNonNull(version, "version");
    requireNonNull(schemaVersion, "schemaVersion");
    notices = List.copyOf(notices);
    if (activeUsers < 0) {
      throw new IllegalArgumentException("activeUsers must not be negative");
    }
  }
}
