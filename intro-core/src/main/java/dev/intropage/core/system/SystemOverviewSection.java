package dev.intropage.core.system;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionContext;
import dev.intropage.core.SectionHealth;
import dev.intropage.core.SectionPolicy;
import dev.intropage.core.SectionPolicy.CacheScope;
import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import dev.intropage.core.system.SystemSnapshot.MaintenanceNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Builds the system overview from the provider's snapshot and the engine's own components.
 * Thread-safe if the provider is.
 */
final class SystemOverviewSection {
  /** The same for everyone: one entry, refreshed often. */
  static final SectionPolicy POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(80))
          .scope(CacheScope.GLOBAL)
          .cacheTtl(Duration.ofSeconds(10))
          .staleWhileRevalidate(Duration.ofSeconds(20))
          .maxStale(Duration.ofMinutes(5))
          .build();

  /** How far ahead a notice counts as upcoming. */
  static final Duration UPCOMING_HORIZON = Duration.ofDays(7);

  private static final Comparator<MaintenanceNotice> BY_START =
      Comparator.comparing(MaintenanceNotice::startsAt).thenComparing(MaintenanceNotice::id);

  private final SystemStatusProvider provider;

  /** Creates the section over the host system's status provider. */
  SystemOverviewSection(SystemStatusProvider provider) {
    this.provider = requireNonNull(provider, "provider");
  }

  /** Loads the overview with the circuit breaker of every section of the engine. */
  SystemOverview load(SectionContext context) {
    return load(context.now(), breakers(context.sections()));
  }

  /** Each section's circuit breaker as a component: open is down, half-open degraded. */
  static List<ComponentStatus> breakers(List<SectionHealth> sections) {
    List<ComponentStatus> components = new ArrayList<>(sections.size());
    for (SectionHealth health : sections) {
      components.add(
          new ComponentStatus(
              "section:" + health.section(),
              switch (health.breaker()) {
                case CLOSED -> ComponentState.UP;
                case HALF_OPEN -> ComponentState.DEGRADED;
                case OPEN -> ComponentState.DOWN;
              },
              "circuit breaker " + health.breaker().name().toLowerCase(Locale.ROOT),
              health.criticality() == Criticality.REQUIRED));
    }
    return components;
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
  SystemOverview load(Instant now, List<ComponentStatus> extraComponents) {
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
