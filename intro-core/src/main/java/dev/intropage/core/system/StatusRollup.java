package dev.intropage.core.system;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import dev.intropage.core.system.SystemSnapshot.MaintenanceNotice;
import dev.intropage.core.system.SystemSnapshot.NoticeSeverity;
import java.util.List;

/**
 * Rolls the components' states up to one status for the whole system. Stateless.
 *
 * <p>The rules apply in this order, the first that matches wins:
 *
 * <ol>
 *   <li>no components: {@link ComponentState#UNKNOWN};
 *   <li>a critical component is {@link ComponentState#DOWN}: {@code DOWN};
 *   <li>an active notice of {@link NoticeSeverity#CRITICAL} severity, or a critical component in
 *       {@link ComponentState#MAINTENANCE}: {@code MAINTENANCE};
 *   <li>any component {@code DOWN} (so a non-critical one), {@link ComponentState#DEGRADED} or
 *       {@link ComponentState#UNKNOWN}: {@code DEGRADED};
 *   <li>otherwise {@link ComponentState#UP}; a non-critical component in maintenance does not lower
 *       the status.
 * </ol>
 */
final class StatusRollup {
  private StatusRollup() {}

  /**
   * Returns the state of the whole system by the rules in the class comment.
   *
   * @param components every component's state
   * @param activeNotices the maintenance notices whose window is open now
   */
  static ComponentState rollUp(
      List<ComponentStatus> components, List<MaintenanceNotice> activeNotices) {
    requireNonNull(components, "components");
    requireNonNull(activeNotices, "activeNotices");
    if (components.isEmpty()) {
      return ComponentState.UNKNOWN;
    }
    if (components.stream().anyMatch(c -> c.critical() && c.state() == ComponentState.DOWN)) {
      return ComponentState.DOWN;
    }
    if (activeNotices.stream().anyMatch(n -> n.severity() == NoticeSeverity.CRITICAL)
        || components.stream()
            .anyMatch(c -> c.critical() && c.state() == ComponentState.MAINTENANCE)) {
      return ComponentState.MAINTENANCE;
    }
    if (components.stream().anyMatch(c -> lowers(c.state()))) {
      return ComponentState.DEGRADED;
    }
    return ComponentState.UP;
  }

  private static boolean lowers(ComponentState state) {
    return switch (state) {
      case DOWN, DEGRADED, UNKNOWN -> true;
      case UP, MAINTENANCE -> false;
    };
  }
}
