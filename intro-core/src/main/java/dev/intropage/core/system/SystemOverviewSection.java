package dev.intropage.core.system;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the system overview from the provider's snapshot and the engine's own components.
 * Thread-safe if the provider is.
 */
public final class SystemOverviewSection {
  /** How far ahead a notice counts as upcoming. */
  public static final Duration UPCOMING_HORIZON = Duration.ofDays(7);

  private static final Comparator<MaintenanceNotice> BY_START =
      Comparator.comparing(MaintenanceNotice::startsAt).thenComparing(MaintenanceNotice::id);

  private final SystemStatusProvider provider;

  /** Creates the section over the host system's status provider. */
  public SystemOverviewSection(SystemStatusProvider provider) {
    this.provider = requireNonNull(provider, "provider");
  }

  /**
   * Returns the overview at the given moment: the provider's components followed by the extra ones,
   * the notices whose window is open ({@code startsAt <= now < endsAt}), the notices that open
   * after {@code now} and no later than seven days after it, both by start time, and the rolled-up
   * state ({@link StatusRollup}).
   *
   * @param now the moment of the request
   * @param extraComponents components the engine adds, such as each section's circuit breaker
   */
  public SystemOverview load(Instant now, List<ComponentStatus> extraComponents) {
    requireNonNull(now, "now");
    requireNonNull(extraComponents, "extraComponents");
    SystemSnapshot snapshot = provider.snapshot(now);
    List<ComponentStatus> components = new ArrayList<>(snapshot.components());
    components.addAll(extraComponents);
    Instant horizon = now.plus(UPCOMING_HORIZON);
    List<MaintenanceNotice> active =
        snapshot.notices().stream().filter(n -> n.isActiveAt(now)).sorted(BY_START).toList();
    List<MaintenanceNotice> upcoming =
        snapshot.notices().stream()
            .filter(n -> n.startsAt().isAfter(now) && !n.startsAt().isAfter(horizon))
            .sorted(BY_START)
            .toList();
    return new SystemOverview(
        StatusRollup.rollUp(components, active),
        components,
        snapshot.activeUsers(),
        snapshot.version(),
        snapshot.schemaVersion(),
        active,
        upcoming);
  }
}
