package dev.intropage.core.system;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
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

  /** How a component of the system is doing. */
  public enum ComponentState {
    /** Working normally. */
    UP,
    /** Working, but slowly or partly. */
    DEGRADED,
    /** Not working. */
    DOWN,
    /** Taken offline on purpose. */
    MAINTENANCE,
    /** Not known, for example because its check did not answer. */
    UNKNOWN
  }

  /**
   * The state of one component, such as the database or a section's circuit breaker.
   *
   * @param name the component's name; not blank
   * @param state how it is doing
   * @param detail a short explanation for people; may be empty
   * @param critical whether the system cannot work without it
   */
  public record ComponentStatus(
      String name, ComponentState state, String detail, boolean critical) {

    /**
     * Validates the status.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public ComponentStatus {
      requireNonNull(name, "name");
      requireNonNull(state, "state");
      requireNonNull(detail, "detail");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
    }
  }

  /**
   * A planned maintenance window announced to users.
   *
   * @param id the notice's id; not blank
   * @param message what users should know
   * @param severity how much it affects users
   * @param startsAt when the window opens
   * @param endsAt when the window closes; after {@code startsAt}
   */
  public record MaintenanceNotice(
      String id, String message, NoticeSeverity severity, Instant startsAt, Instant endsAt) {

    /**
     * Validates the notice.
     *
     * @throws IllegalArgumentException if the id is blank or the window does not end after it
     *     starts
     */
    public MaintenanceNotice {
      requireNonNull(id, "id");
      requireNonNull(message, "message");
      requireNonNull(severity, "severity");
      requireNonNull(startsAt, "startsAt");
      requireNonNull(endsAt, "endsAt");
      if (id.isBlank()) {
        throw new IllegalArgumentException("id must not be blank");
      }
      if (!endsAt.isAfter(startsAt)) {
        throw new IllegalArgumentException("endsAt must be after startsAt");
      }
    }

    /** Returns whether the window is open at the given moment: {@code startsAt <= now < endsAt}. */
    public boolean isActiveAt(Instant now) {
      return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
  }

  /** How much a maintenance notice affects users. */
  public enum NoticeSeverity {
    /** For information; nothing stops working. */
    INFO,
    /** Some features may be slow or unavailable. */
    WARNING,
    /** The system is unavailable while the notice is active. */
    CRITICAL
  }
}
