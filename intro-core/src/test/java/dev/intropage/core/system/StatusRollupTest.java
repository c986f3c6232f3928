package dev.intropage.core.system;

import static dev.intropage.core.system.SystemSnapshot.ComponentState.DEGRADED;
import static dev.intropage.core.system.SystemSnapshot.ComponentState.DOWN;
import static dev.intropage.core.system.SystemSnapshot.ComponentState.MAINTENANCE;
import static dev.intropage.core.system.SystemSnapshot.ComponentState.UNKNOWN;
import static dev.intropage.core.system.SystemSnapshot.ComponentState.UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import dev.intropage.core.system.SystemSnapshot.MaintenanceNotice;
import dev.intropage.core.system.SystemSnapshot.NoticeSeverity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRollupTest {
  private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
  private static final MaintenanceNotice CRITICAL_NOTICE =
      new MaintenanceNotice("n1", "upgrade", NoticeSeverity.CRITICAL, T, T.plusSeconds(3600));
  private static final MaintenanceNotice WARNING_NOTICE =
      new MaintenanceNotice("n2", "slow", NoticeSeverity.WARNING, T, T.plusSeconds(3600));

  @Test
  void rollUp_noComponents_isUnknown_evenDuringCriticalMaintenance() {
    assertThat(StatusRollup.rollUp(List.of(), List.of())).isEqualTo(UNKNOWN);
    assertThat(StatusRollup.rollUp(List.of(), List.of(CRITICAL_NOTICE))).isEqualTo(UNKNOWN);
  }

  @Test
  void rollUp_allUp_isUp() {
    assertThat(StatusRollup.rollUp(List.of(critical(UP), optional(UP)), List.of(WARNING_NOTICE)))
        .isEqualTo(UP);
  }

  @Test
  void rollUp_criticalDown_isDown_beforeMaintenance() {
    assertThat(
            StatusRollup.rollUp(
                List.of(critical(MAINTENANCE), critical(DOWN), optional(DEGRADED)),
                List.of(CRITICAL_NOTICE)))
        .isEqualTo(DOWN);
  }

  @Test
  void rollUp_activeCriticalNotice_isMaintenance_beforeDegraded() {
    assertThat(StatusRollup.rollUp(List.of(optional(DOWN), critical(UP)), List.of(CRITICAL_NOTICE)))
        .isEqualTo(MAINTENANCE);
  }

  @Test
  void rollUp_criticalComponentInMaintenance_isMaintenance() {
    assertThat(StatusRollup.rollUp(List.of(critical(MAINTENANCE), optional(UNKNOWN)), List.of()))
        .isEqualTo(MAINTENANCE);
  }

  @Test
  void rollUp_nonCriticalDown_isDegraded() {
    assertThat(StatusRollup.rollUp(List.of(critical(UP), optional(DOWN)), List.of()))
        .isEqualTo(DEGRADED);
  }

  @Test
  void rollUp_anyDegradedOrUnknown_isDegraded() {
    assertThat(StatusRollup.rollUp(List.of(critical(DEGRADED)), List.of())).isEqualTo(DEGRADED);
    assertThat(StatusRollup.rollUp(List.of(critical(UNKNOWN)), List.of())).isEqualTo(DEGRADED);
    assertThat(StatusRollup.rollUp(List.of(critical(UP), optional(UNKNOWN)), List.of()))
        .isEqualTo(DEGRADED);
  }

  @Test
  void rollUp_nonCriticalMaintenanceOrWarningNotice_staysUp() {
    assertThat(
            StatusRollup.rollUp(
                List.of(critical(UP), optional(MAINTENANCE)), List.of(WARNING_NOTICE)))
        .isEqualTo(UP);
  }

  private static ComponentStatus critical(ComponentState state) {
    return new ComponentStatus("db-" + state, state, "", true);
  }

  private static ComponentStatus optional(ComponentState state) {
    return new ComponentStatus("breaker-" + state, state, "", false);
  }
}
