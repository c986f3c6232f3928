package dev.intropage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.SectionResult.ValueSource;
import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.personalization.Preferences;
import dev.intropage.core.personalization.Preferences.Theme;
import dev.intropage.core.sections.IntroSections;
import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.system.SystemOverview;
import dev.intropage.core.system.SystemSnapshot;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole page from the five built-in sections, fed by in-memory ports. */
class BuiltInSectionsTest {
  private static final UserId ADA = UserId.of("ada");
  private final MutableClock clock = MutableClock.at("2026-11-27T08:30:00Z");
  private final AtomicBoolean statsDown = new AtomicBoolean();
  private final ActivityRepository activity =
      (user, teams, before, limit) ->
          List.of(
              new ActivityEvent(
                  "e-1",
                  UserId.of("grace"),
                  Optional.of("engines"),
                  "comment",
                  "note G",
                  Instant.parse("2026-11-27T07:00:00Z")));

  private final IntroPageEngine engine =
      IntroSections.register(
              IntroPageEngine.builder()
                  .clock(clock)
                  .pageDeadline(Duration.ofSeconds(2))
                  .viewers(
                      id ->
                          Optional.of(
                              new UserProfile(
                                  id,
                                  "Ada Lovelace",
                                  ZoneId.of("Europe/London"),
                                  Locale.UK,
                                  Set.of("engines"),
                                  Optional.of(Instant.parse("2026-11-26T18:00:00Z"))))),
              id ->
                  Optional.of(
                      new Preferences(
                          id,
                          Optional.of(Theme.DARK),
                          Optional.empty(),
                          List.of("actions", "statistics"),
                          Set.of("system"),
                          Optional.empty(),
                          Optional.empty(),
                          3)),
              new dev.intropage.core.statistics.DailyStatsRepository() {
                @Override
                public List<DailyCount> daily(UserId user, LocalDate from, LocalDate to) {
                  if (statsDown.get()) {
                    throw new IllegalStateException("rollups unavailable");
                  }
                  return List.of(new DailyCount(to, 4, 1), new DailyCount(to.minusDays(1), 2, 0));
                }

                @Override
                public long openActions(UserId user) {
                  return 1;
                }
              },
              (owner, limit) ->
                  List.of(
                      new ActionItem(
                          "a-1",
                          owner,
                          "Review the analytical engine notes",
                          Priority.HIGH,
                          Optional.of(Instant.parse("2026-11-26T12:00:00Z")),
                          ActionState.OPEN,
                          Optional.empty(),
                          Instant.parse("2026-11-20T09:00:00Z"),
                          0)),
              activity,
              now ->
                  new SystemSnapshot(
                      List.of(new ComponentStatus("database", ComponentState.UP, "ok", true)),
                      12,
                      "0.1.0",
                      Optional.of("3"),
                      List.of()))
          .build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void assemble_allBuiltIns_inTheViewersLayoutWithHiddenSectionLeftOut() {
    IntroPage page = engine.assemble(PageRequest.of(ADA));

    assertThat(page.sections())
        .extracting(r -> r.key().name())
        .containsExactly("personalization", "actions", "statistics", "activity");
    assertThat(page.degraded()).isFalse();
    var personalization = page.data(Personalization.KEY).orElseThrow();
    assertThat(personalization.greeting()).isEqualTo("Good morning, Ada");
    assertThat(personalization.theme()).isEqualTo(Theme.DARK);
    assertThat(page.data(UserStatistics.KEY).orElseThrow().currentStreak()).isEqualTo(2);
    assertThat(page.data(ActionItemsView.KEY).orElseThrow().overdueCount()).isEqualTo(1);
    assertThat(page.data(ActivityFeed.KEY).orElseThrow().unreadCount()).isEqualTo(1);
  }

  @Test
  void assemble_cachedPersonalization_greetsForTheHourOfThisPage() {
    clock.advance(Duration.ofMinutes(3 * 60 + 28));
    assertThat(
            engine.assemble(PageRequest.of(ADA)).data(Personalization.KEY).orElseThrow().greeting())
        .isEqualTo("Good morning, Ada");
    clock.advance(Duration.ofMinutes(3));

    SectionResult<?> later =
        engine.assemble(PageRequest.of(ADA)).section(Personalization.KEY).orElseThrow();

    assertThat(later.status()).isEqualTo(SectionStatus.CACHED);
    assertThat(
            ((dev.intropage.core.personalization.Personalization) later.data().orElseThrow())
                .greeting())
        .isEqualTo("Good afternoon, Ada");
  }

  @Test
  void assemble_hiddenSectionAskedForByName_isStillLeftOut() {
    IntroPage page = engine.assemble(PageRequest.of(ADA).withSections(Set.of("system", "actions")));

    assertThat(page.sections()).extracting(r -> r.key().name()).containsExactly("actions");
  }

  @Test
  void systemOverview_showsEachSectionsBreaker() {
    IntroPageEngine visible =
        IntroPageEngine.builder()
            .clock(clock)
            .pageDeadline(Duration.ofSeconds(2))
            .section(
                SectionKey.of("news", String.class),
                c -> {
                  throw new IllegalStateException("down");
                },
                SectionPolicy.builder()
                    .criticality(Criticality.REQUIRED)
                    .circuitBreaker(1, Duration.ofMinutes(1))
                    .build(),
                c -> "default")
            .section(
                SystemOverview.section(
                    now ->
                        new SystemSnapshot(
                            List.of(new ComponentStatus("database", ComponentState.UP, "ok", true)),
                            1,
                            "0.1.0",
                            Optional.empty(),
                            List.of())))
            .build();
    try (visible) {
      visible.assemble(PageRequest.of(ADA).withSections(Set.of("news")));
      var overview = visible.assemble(PageRequest.of(ADA)).data(SystemOverview.KEY).orElseThrow();

      assertThat(overview.components())
          .extracting(ComponentStatus::name, ComponentStatus::state, ComponentStatus::critical)
          .contains(
              org.assertj.core.groups.Tuple.tuple("database", ComponentState.UP, true),
              org.assertj.core.groups.Tuple.tuple("section:system", ComponentState.UP, false),
              org.assertj.core.groups.Tuple.tuple("section:news", ComponentState.DOWN, true));
      assertThat(overview.overall()).isEqualTo(ComponentState.DOWN);
    }
  }

  @Test
  void assemble_statisticsFail_pageDegradedButServed() {
    statsDown.set(true);

    IntroPage page = engine.assemble(PageRequest.of(ADA));

    SectionResult<?> statistics = page.section(UserStatistics.KEY).orElseThrow();
    assertThat(statistics.status()).isEqualTo(SectionStatus.FAILED);
    assertThat(page.degraded()).isTrue();
    assertThat(page.data(ActionItemsView.KEY)).isPresent();
  }

  @Test
  void assemble_withoutLayout_registrationOrder() {
    try (IntroPageEngine plain =
        IntroPageEngine.builder()
            .clock(clock)
            .section(ActivityFeed.section((user, teams, before, limit) -> List.of()))
            .section(SectionKey.of("news", String.class), c -> "n", SectionPolicy.defaults())
            .section(Personalization.section(id -> Optional.empty()))
            .build()) {
      IntroPage page = plain.assemble(PageRequest.of(ADA));

      assertThat(page.sections())
          .extracting(r -> r.key().name())
          .containsExactly("activity", "news", "personalization");
      assertThat(page.data(Personalization.KEY).orElseThrow().greeting())
          .isEqualTo("Good morning, ada");
      assertThat(page.data(Personalization.KEY).orElseThrow().layout().order())
          .containsExactly("activity", "news");
    }
  }

  @Test
  void assemble_layoutSectionFailsWithoutLastGood_defaultShowsEverySection() {
    try (IntroPageEngine failing =
        IntroPageEngine.builder()
            .clock(clock)
            .section(SectionKey.of("news", String.class), c -> "n", SectionPolicy.defaults())
            .section(
                Personalization.section(
                    id -> {
                      throw new IllegalStateException("preferences down");
                    }))
            .layout(Personalization.LAYOUT)
            .build()) {
      IntroPage page = failing.assemble(PageRequest.of(ADA));

      assertThat(page.sections())
          .extracting(r -> r.key().name())
          .containsExactly("personalization", "news");
      assertThat(page.section(Personalization.KEY).orElseThrow().source())
          .isEqualTo(ValueSource.DEFAULT);
    }
  }

  @Test
  void assemble_layoutLeavesOutARequiredSection_requiredShownAtTheEnd() {
    try (IntroPageEngine strict =
        IntroPageEngine.builder()
            .clock(clock)
            .section(
                SectionKey.of("must", String.class),
                c -> "m",
                SectionPolicy.builder().criticality(Criticality.REQUIRED).build())
            .section(SectionKey.of("news", String.class), c -> "n", SectionPolicy.defaults())
            .section(SectionKey.of("order", String.class), c -> "news", SectionPolicy.defaults())
            .layout(PageLayout.of(SectionKey.of("order", String.class), value -> List.of(value)))
            .build()) {
      assertThat(strict.assemble(PageRequest.of(ADA)).sections())
          .extracting(r -> r.key().name())
          .containsExactly("order", "news", "must");
      assertThat(strict.assemble(PageRequest.of(ADA)).sections())
          .extracting(r -> r.key().name())
          .containsExactly("order", "news", "must");
    }
  }

  @Test
  void builder_builtInRegisteredTwice_refused() {
    var builder =
        IntroPageEngine.builder().section(ActivityFeed.section((u, t, b, l) -> List.of()));
    assertThatThrownBy(() -> builder.section(ActivityFeed.section((u, t, b, l) -> List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("activity");
  }

  @Test
  void builder_layoutOfAnUnregisteredSection_refused() {
    var builder =
        IntroPageEngine.builder()
            .section(SectionKey.of("news", String.class), c -> "n", SectionPolicy.defaults())
            .layout(Personalization.LAYOUT);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("personalization");
  }

  @Test
  void olderActivity_pagesThroughTheFeedOfTheViewer() {
    var feed = ActivityFeed.page(activity, engine.viewer(ADA), Optional.empty(), 10);

    assertThat(feed.groups()).hasSize(1);
    assertThat(feed.nextCursor()).isEmpty();
    assertThatThrownBy(
            () -> ActivityFeed.page(activity, engine.viewer(ADA), Optional.of("not-a-cursor"), 10))
        .isInstanceOfSatisfying(
            dev.intropage.core.model.InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("cursor"));
    assertThatThrownBy(() -> ActivityFeed.page(activity, engine.viewer(ADA), Optional.empty(), 0))
        .isInstanceOfSatisfying(
            dev.intropage.core.model.InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("limit"));
  }

  @Test
  void builder_personalizationPolicyCanBeReplaced() {
    try (IntroPageEngine tuned =
        IntroPageEngine.builder()
            .clock(clock)
            .section(SectionKey.of("news", String.class), c -> "n", SectionPolicy.defaults())
            .section(Personalization.section(id -> Optional.empty()))
            .policy(
                Personalization.KEY, SectionPolicy.builder().timeout(Duration.ofSeconds(1)).build())
            .build()) {
      assertThat(tuned.health()).extracting(SectionHealth::section).contains("personalization");
      assertThat(tuned.assemble(PageRequest.of(ADA)).sections()).hasSize(2);
    }
  }
}
