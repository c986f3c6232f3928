package dev.intropage.core.system;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.Section;
import dev.intropage.core.SectionKey;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import dev.intropage.core.system.SystemSnapshot.MaintenanceNotice;
import java.util.List;
import java.util.Optional;

/**
 * The system overview section's value.
 *
 * @param overall the components' states rolled up to one ({@link StatusRollup})
 * @param components the state of each component: the provider's, then the engine's
 * @param activeUsers how many users are active; 0 or more
 * @param version the running version of the application
 * @param schemaVersion the database schema's version, if any
 * @param activeNotices the notices whose window is open, by start time
 * @param upcomingNotices the notices that open within the next seven days, by start time
 */
public record SystemOverview(
    ComponentState overall,
    List<ComponentStatus> components,
    long activeUsers,
    String version,
    Optional<String> schemaVersion,
    List<MaintenanceNotice> activeNotices,
    List<MaintenanceNotice> upcomingNotices) {
  /** The section's key: component states, active users, versions and maintenance notices. */
  public static final SectionKey<SystemOverview> KEY =
      SectionKey.of("system", SystemOverview.class);

  /**
   * Returns the system overview section over the provider, with its default policy; it also shows
   * the circuit breaker of every section of the engine.
   */
  public static Section<SystemOverview> section(SystemStatusProvider provider) {
    SystemOverviewSection section = new SystemOverviewSection(provider);
    return Section.of(KEY, section::load, SystemOverviewSection.POLICY);
  }

  /**
   * Validates the overview and copies the lists.
   *
   * @throws IllegalArgumentException if the number of active users is negative
   */
  public SystemOverview {
    requireNonNull(overall, "overall");
    components = List.copyOf(components);
    requireNonNull(version, "version");
    requireNonNull(schemaVersion, "schemaVersion");
    activeNotices = List.copyOf(activeNotices);
    upcomingNotices = List.copyOf(upcomingNotices);
    if (activeUsers < 0) {
      throw new IllegalArgumentException("activeUsers must not be negative");
    }
  }
}
