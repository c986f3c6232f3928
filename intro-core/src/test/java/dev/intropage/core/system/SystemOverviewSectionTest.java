package dev.intropage.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import dev.intropage.core.system.SystemSnapshot.MaintenanceNotice;
import dev.intropage.core.system.SystemSnapshot.NoticeSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemOverviewSectionTest {
  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  private static final ComponentStatus DB =
      new ComponentStatus("database", ComponentState.UP, "3 ms", true);
  private static final ComponentStatus MIGRATIONS =
      new ComponentStatus("migrations", ComponentState.UP, "V7", true);

  @Test
  void load_activeWindow_includesStart_excludesEnd() {
    MaintenanceNotice startsNow = notice("a", NoticeSeverity.INFO, NOW, NOW.plusSeconds(60));
    MaintenanceNotice endsNow = notice("b", NoticeSeverity.INFO, NOW.minusSeconds(60), NOW);
    MaintenanceNotice endsJustAfter =
        notice("c", NoticeSeverity.INFO, NOW.minusSeconds(60), NOW.plusNanos(1));

    SystemOverview overview = load(List.of(startsNow, endsNow, endsJustAfter), List.of());

    assertThat(overview.activeNotices()).containsExactly(endsJustAfter, startsNow);
    assertThat(overview.upcomingNotices()).isEmpty();
  }

  @Test
  void load_upcomingWindow_afterNowUpToSevenDaysInclusive() {
    Instant horizon = NOW.plus(Duration.ofDays(7));
    MaintenanceNotice atHorizon = notice("a", NoticeSeverity.INFO, horizon, horizon.plusSeconds(1));
    MaintenanceNotice beyond =
        notice("b", NoticeSeverity.INFO, horizon.plusNanos(1), horizon.plusSeconds(1));
    MaintenanceNotice justAfterNow =
        notice("c", NoticeSeverity.INFO, NOW.plusNanos(1), NOW.plusSeconds(1));

    SystemOverview overview = load(List.of(atHorizon, beyond, justAfterNow), List.of());

    assertThat(overview.upcomingNotices()).containsExactly(justAfterNow, atHorizon);
    assertThat(overview.activeNotices()).isEmpty();
  }

  @Test
  void load_noticesSortedByStart_thenId() {
    MaintenanceNotice later =
        notice("a", NoticeSeverity.INFO, NOW.plusSeconds(20), NOW.plusSeconds(99));
    MaintenanceNotice firstB =
        notice("b", NoticeSeverity.INFO, NOW.plusSeconds(10), NOW.plusSeconds(99));
    MaintenanceNotice firstA =
        notice("a2", NoticeSeverity.INFO, NOW.plusSeconds(10), NOW.plusSeconds(99));

    assertThat(load(List.of(later, firstB, firstA), List.of()).upcomingNotices())
        .containsExactly(firstA, firstB, later);
  }

  @Test
  void load_extraComponentsFollowTheProviders_inGivenOrder() {
    ComponentStatus breaker =
        new ComponentStatus("stats-breaker", ComponentState.UP, "closed", false);
    ComponentStatus another =
        new ComponentStatus("activity-breaker", ComponentState.UP, "closed", false);

    SystemOverview overview = load(List.of(), List.of(breaker, another));

    assertThat(overview.components()).containsExactly(DB, MIGRATIONS, breaker, another);
  }

  @Test
  void load_rollsUpProviderAndExtraComponentsWithActiveNotices() {
    ComponentStatus openBreaker =
        new ComponentStatus("stats-breaker", ComponentState.DOWN, "open", false);

    assertThat(load(List.of(), List.of(openBreaker)).overall()).isEqualTo(ComponentState.DEGRADED);
    MaintenanceNotice critical =
        notice("m", NoticeSeverity.CRITICAL, NOW.minusSeconds(1), NOW.plusSeconds(1));
    assertThat(load(List.of(critical), List.of()).overall()).isEqualTo(ComponentState.MAINTENANCE);
    MaintenanceNotice upcomingCritical =
        notice("m", NoticeSeverity.CRITICAL, NOW.plusSeconds(1), NOW.plusSeconds(2));
    assertThat(load(List.of(upcomingCritical), List.of()).overall()).isEqualTo(ComponentState.UP);
  }

  @Test
  void load_passesNowToTheProvider_andCopiesTheFacts() {
    List<Instant> asked = new ArrayList<>();
    SystemOverviewSection section =
        new SystemOverviewSection(
            now -> {
              asked.add(now);
              return new SystemSnapshot(List.of(DB), 42, "1.2.3", Optional.of("V7"), List.of());
            });

    SystemOverview overview = section.load(NOW, List.of());

    assertThat(asked).containsExactly(NOW);
    assertThat(overview.activeUsers()).isEqualTo(42);
    assertThat(overview.version()).isEqualTo("1.2.3");
    assertThat(overview.schemaVersion()).contains("V7");
  }

  @Test
  void records_rejectBadValues() {
    assertThatThrownBy(() -> notice("x", NoticeSeverity.INFO, NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> notice(" ", NoticeSeverity.INFO, NOW, NOW.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComponentStatus(" ", ComponentState.UP, "", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SystemSnapshot(List.of(), -1, "v", Optional.empty(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SystemOverview(
                    ComponentState.UP, List.of(), -1, "v", Optional.empty(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SystemOverview load(
      List<MaintenanceNotice> notices, List<ComponentStatus> extras) {
    SystemOverviewSection section =
        new SystemOverviewSection(
            now ->
                new SystemSnapshot(List.of(DB, MIGRATIONS), 3, "1.0", Optional.empty(), notices));
    return section.load(NOW, extras);
  }

  private static MaintenanceNotice notice(
      String id, NoticeSeverity severity, Instant startsAt, Instant endsAt) {
    return new MaintenanceNotice(id, "maintenance " + id, severity, startsAt, endsAt);
  }
}
