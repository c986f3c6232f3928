package dev.intropage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItemStore;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.activity.ActivityRepository.ActivityCursor;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.personalization.PreferenceStore;
import dev.intropage.core.personalization.PreferenceUpdate;
import dev.intropage.core.personalization.PreferenceWriter;
import dev.intropage.core.personalization.PreferenceWriter.FieldError;
import dev.intropage.core.personalization.PreferenceWriter.PreferencesOutcome;
import dev.intropage.core.personalization.Preferences;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import dev.intropage.core.system.SystemSnapshot;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapters' behaviour, run unchanged on SQLite and on PostgreSQL. The writes go through core's
 * use cases over the adapter's stores, as the application wires them.
 */
abstract class AdapterContract {
  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  static final UserId ADA = UserId.of("ada");
  static final UserId GRACE = UserId.of("grace");
  static final UserId BOB = UserId.of("bob");
  static final Set<String> SECTIONS =
      Set.of("personalization", "statistics", "actions", "activity", "system");

  TestDatabase db;
  TestDatabase.Counting counting;
  Jdbi jdbi;
  JdbcAdapters adapters;
  ActionItemWriter actions;
  PreferenceWriter preferences;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void setUp() {
    db = newDatabase();
    counting = new TestDatabase.Counting(db.dataSource);
    jdbi = Jdbi.create(db.dataSource);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    adapters = JdbcAdapters.create(counting.jdbi, clock);
    actions = ActionItemWriter.over(adapters.actionItemStore(), clock);
    preferences = PreferenceWriter.over(adapters.preferenceStore(), clock);
    user("ada", "Ada Lovelace", "Europe/London", "en-GB", NOW.minus(Duration.ofHours(14)));
    user("grace", "Grace Hopper", "America/New_York", "en-US", NOW.minus(Duration.ofDays(2)));
    user("bob", "Bob", "UTC", "en", null);
    team("ada", "engines");
    team("grace", "engines");
    team("grace", "compilers");
    counting.take();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  // --- reads -------------------------------------------------------------------------------

  @Test
  void users_find_returnsProfileWithTeamsInOneStatement() {
    UserProfile grace = adapters.users().find(GRACE).orElseThrow();

    assertThat(counting.take()).isEqualTo(1);
    assertThat(grace.displayName()).isEqualTo("Grace Hopper");
    assertThat(grace.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(grace.locale()).isEqualTo(Locale.US);
    assertThat(grace.teams()).containsExactlyInAnyOrder("engines", "compilers");
    assertThat(grace.lastVisitAt()).contains(NOW.minus(Duration.ofDays(2)));
    assertThat(adapters.users().find(BOB).orElseThrow().teams()).isEmpty();
    assertThat(adapters.users().find(UserId.of("nobody"))).isEmpty();
  }

  @Test
  void activity_pagesOverCursors_returnEachFollowedEventOnceNewestFirst() {
    List<ActivityEvent> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      UserId actor = List.of(ADA, GRACE, BOB).get(i % 3);
      Optional<String> team =
          i % 4 == 0 ? Optional.empty() : Optional.of(i % 5 == 0 ? "compilers" : "engines");
      // Pairs of events share a time, so the id breaks ties.
      Instant at = NOW.minus(Duration.ofMinutes(10L * (i / 2)));
      ActivityEvent event =
          new ActivityEvent(
              String.format(Locale.ROOT, "e%02d", i), actor, team, "comment", "doc", at);
      assertThat(adapters.recordActivity(event)).isTrue();
      all.add(event);
    }
    List<ActivityEvent> expected =
        all.stream()
            .filter(e -> e.actor().equals(ADA) || e.team().filter("engines"::equals).isPresent())
            .sorted(ActivityEvent.NEWEST_FIRST)
            .toList();
    counting.take();

    List<ActivityEvent> paged = new ArrayList<>();
    Optional<ActivityCursor> cursor = Optional.empty();
    while (true) {
      List<ActivityEvent> page = adapters.activity().recent(ADA, Set.of("engines"), cursor, 4);
      assertThat(counting.take()).isEqualTo(1);
      paged.addAll(page);
      if (page.size() < 4) {
        break;
      }
      cursor = Optional.of(ActivityCursor.of(page.get(page.size() - 1)));
    }

    assertThat(expected).hasSizeGreaterThan(10);
    assertThat(paged).containsExactlyElementsOf(expected);
  }

  @Test
  void activity_cursorBetweenMicroseconds_keepsEventsAtTheLowerMicrosecond() {
    ActivityEvent event =
        new ActivityEvent("z", ADA, Optional.empty(), "comment", "doc", NOW.minusSeconds(1));
    adapters.recordActivity(event);
    ActivityCursor cursor = new ActivityCursor(event.occurredAt().plusNanos(500), "a");

    assertThat(adapters.activity().recent(ADA, Set.of(), Optional.of(cursor), 5))
        .containsExactly(event);
  }

  @Test
  void activity_cursorBeyondWhatTheSchemaHolds_keepsItsOrderInsteadOfFailing() {
    ActivityEvent event =
        new ActivityEvent("z", ADA, Optional.empty(), "comment", "doc", NOW.minusSeconds(1));
    adapters.recordActivity(event);

    // A cursor token anyone can make: its checksum guards against mistakes, not forgery.
    assertThat(
            adapters
                .activity()
                .recent(ADA, Set.of(), Optional.of(new ActivityCursor(Instant.MAX, "a")), 5))
        .containsExactly(event);
    assertThat(
            adapters
                .activity()
                .recent(ADA, Set.of(), Optional.of(new ActivityCursor(Instant.MIN, "a")), 5))
        .isEmpty();
  }

  @Test
  void actionItems_open_returnsOpenAndSnoozedItemsOnly() {
    item("i1", "ada", "OPEN", null, 0);
    item("i2", "ada", "OPEN", NOW.plus(Duration.ofDays(1)), 0);
    item("i3", "ada", "COMPLETED", null, 1);
    item("i4", "ada", "DISMISSED", null, 1);
    item("i5", "grace", "OPEN", null, 0);
    counting.take();

    List<ActionItem> open = adapters.actionItems().open(ADA, 10);

    assertThat(counting.take()).isEqualTo(1);
    assertThat(open).extracting(ActionItem::id).containsExactlyInAnyOrder("i1", "i2");
    ActionItem snoozed = open.stream().filter(i -> i.id().equals("i2")).findFirst().orElseThrow();
    assertThat(snoozed.snoozedUntil()).contains(NOW.plus(Duration.ofDays(1)));
    assertThat(snoozed.dueAt()).contains(NOW.plus(Duration.ofDays(2)));
    assertThat(adapters.actionItems().open(ADA, 1)).hasSize(1);
  }

  @Test
  void dailyStats_daily_groupsEventsByTheUsersLocalDay() {
    // 03:00 UTC on the 10th is 23:00 on the 9th in New York (EDT since 8 March 2026).
    adapters.recordActivity(event("g1", GRACE, Instant.parse("2026-03-10T03:00:00Z")));
    adapters.recordActivity(event("g2", GRACE, Instant.parse("2026-03-10T05:00:00Z")));
    adapters.recordActivity(event("g3", GRACE, Instant.parse("2026-03-10T05:30:00Z")));
    item("i1", "grace", "OPEN", null, 0);
    item("i2", "grace", "COMPLETED", null, 1);
    counting.take();

    List<DailyCount> days =
        adapters
            .dailyStats()
            .daily(GRACE, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10"));
    long open = adapters.dailyStats().openActions(GRACE);

    assertThat(counting.take()).isEqualTo(2);
    assertThat(days)
        .containsExactlyInAnyOrder(
            new DailyCount(LocalDate.parse("2026-03-09"), 1, 0),
            new DailyCount(LocalDate.parse("2026-03-10"), 2, 0));
    assertThat(open).isEqualTo(1);
    assertThat(
            adapters
                .dailyStats()
                .daily(GRACE, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-10")))
        .containsExactly(new DailyCount(LocalDate.parse("2026-03-10"), 2, 0));
  }

  @Test
  void recordActivity_sameIdTwice_storesAndCountsItOnce() {
    ActivityEvent event = event("e1", ADA, NOW.minusSeconds(60));

    assertThat(adapters.recordActivity(event)).isTrue();
    assertThat(adapters.recordActivity(event)).isFalse();

    assertThat(count("SELECT count(*) FROM activity_events")).isEqualTo(1);
    assertThat(count("SELECT events FROM daily_stats WHERE user_id = 'ada'")).isEqualTo(1);
  }

  @Test
  void preferences_updateThenFind_roundTrips() {
    PreferenceUpdate update =
        new PreferenceUpdate(
            Optional.of(Theme.DARK),
            Optional.of(Density.COMPACT),
            Optional.of(List.of("activity", "actions")),
            Optional.of(Set.of("system", "statistics")),
            Optional.of("Europe/Paris"),
            Optional.of("fr-CA"));

    PreferencesOutcome outcome = updatePreferences(ADA, update, 0, "k1");
    counting.take();
    Preferences found = adapters.preferences().find(ADA).orElseThrow();

    assertThat(counting.take()).isEqualTo(1);
    assertThat(outcome).isEqualTo(PreferencesOutcome.applied(found));
    assertThat(found.version()).isEqualTo(1);
    assertThat(found.sectionOrder()).containsExactly("activity", "actions");
    assertThat(found.hiddenSections()).containsExactlyInAnyOrder("system", "statistics");
    assertThat(found.zone()).contains(ZoneId.of("Europe/Paris"));
    assertThat(found.locale()).contains(Locale.CANADA_FRENCH);
    assertThat(adapters.preferences().find(GRACE)).isEmpty();
  }

  @Test
  void systemStatus_snapshot_readsComponentsNoticesAndRecentVisitorsInTwoStatements() {
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "INSERT INTO system_components VALUES ('search', 'DEGRADED', 'slow', :c, 0)")
              .bind("c", false)
              .execute();
          h.createUpdate(
                  "INSERT INTO maintenance_notices VALUES ('past', 'done', 'INFO', :a, :b),"
                      + " ('soon', 'upgrade', 'WARNING', :c, :d)")
              .bind("a", Sql.micros(NOW.minus(Duration.ofDays(2))))
              .bind("b", Sql.micros(NOW.minus(Duration.ofDays(1))))
              .bind("c", Sql.micros(NOW.plus(Duration.ofDays(1))))
              .bind("d", Sql.micros(NOW.plus(Duration.ofDays(2))))
              .execute();
        });
    assertThat(adapters.recordVisit(ADA)).isTrue();
    counting.take();

    SystemSnapshot snapshot = adapters.systemStatus("1.2.3", () -> Optional.of("6")).snapshot(NOW);

    assertThat(counting.take()).isEqualTo(2);
    assertThat(snapshot.components())
        .containsExactly(
            new ComponentStatus("database", ComponentState.UP, "answering", true),
            new ComponentStatus("search", ComponentState.DEGRADED, "slow", false));
    assertThat(snapshot.activeUsers()).isEqualTo(1);
    assertThat(snapshot.notices()).extracting(n -> n.id()).containsExactly("soon");
    assertThat(snapshot.version()).isEqualTo("1.2.3");
    assertThat(snapshot.schemaVersion()).contains("6");
  }

  // --- writes ------------------------------------------------------------------------------

  @Test
  void act_complete_updatesItemAndCountsCompletionOnTheUsersLocalDay() {
    item("i1", "grace", "OPEN", null, 3);
    // 12:00 UTC is 08:00 on the 10th in New York.
    ActionOutcome outcome = actions.act(GRACE, "i1", new ActionCommand.Complete(), 3, "k1");

    assertThat(outcome.kind()).isEqualTo(ActionOutcome.Kind.APPLIED);
    ActionItem item = outcome.item().orElseThrow();
    assertThat(item.state()).isEqualTo(ActionState.COMPLETED);
    assertThat(item.version()).isEqualTo(4);
    assertThat(stored("i1")).isEqualTo(item);
    assertThat(
            count(
                "SELECT completed FROM daily_stats WHERE user_id = 'grace' AND day = '2026-03-10'"))
        .isEqualTo(1);
  }

  @Test
  void act_repeatedKey_returnsFirstOutcomeWithoutApplyingAgain() {
    item("i1", "ada", "OPEN", null, 0);
    ActionOutcome first = actions.act(ADA, "i1", new ActionCommand.Complete(), 0, "k1");

    ActionOutcome again = actions.act(ADA, "i1", new ActionCommand.Complete(), 0, "k1");

    assertThat(again).isEqualTo(first);
    assertThat(again.item()).contains(stored("i1"));
    assertThat(stored("i1").version()).isEqualTo(1);
    assertThat(count("SELECT completed FROM daily_stats WHERE user_id = 'ada'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM idempotency_records")).isEqualTo(1);
  }

  @Test
  void purgeIdempotencyRecords_dropsOnlyThoseOlderThanTheCutOff() {
    item("i1", "ada", "OPEN", null, 0);
    item("i2", "ada", "OPEN", null, 0);
    actions.act(ADA, "i1", new ActionCommand.Complete(), 0, "old");
    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE idempotency_records SET created_at = ? WHERE idem_key = 'old'",
                Sql.micros(NOW.minus(Duration.ofDays(2)))));
    actions.act(ADA, "i2", new ActionCommand.Complete(), 0, "new");

    int purged = adapters.purgeIdempotencyRecords(NOW.minus(Duration.ofDays(1)));

    assertThat(purged).isOne();
    assertThat(count("SELECT count(*) FROM idempotency_records WHERE idem_key = 'new'")).isOne();
    assertThat(count("SELECT count(*) FROM idempotency_records")).isOne();
  }

  @Test
  void act_sameKeyDifferentRequest_isRefusedAsReused() {
    item("i1", "ada", "OPEN", null, 0);
    item("i2", "ada", "OPEN", null, 0);
    actions.act(ADA, "i1", new ActionCommand.Complete(), 0, "k1");

    ActionOutcome reused = actions.act(ADA, "i2", new ActionCommand.Dismiss(), 0, "k1");

    assertThat(reused).isEqualTo(ActionOutcome.keyReused());
    assertThat(stored("i2").state()).isEqualTo(ActionState.OPEN);
  }

  @Test
  void act_staleVersion_isAConflictAndChangesNothing() {
    item("i1", "ada", "OPEN", null, 2);
    ActionItem before = stored("i1");

    ActionOutcome outcome = actions.act(ADA, "i1", new ActionCommand.Complete(), 1, "k1");

    assertThat(outcome.reason()).contains(RejectionReason.VERSION_CONFLICT);
    assertThat(stored("i1")).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM daily_stats")).isZero();
    assertThat(count("SELECT count(*) FROM idempotency_records")).isZero();
  }

  @Test
  void act_itemOfAnotherUser_isNotFoundAndChangesNothing() {
    item("i1", "grace", "OPEN", null, 0);
    ActionItem before = stored("i1");

    ActionOutcome outcome = actions.act(ADA, "i1", new ActionCommand.Complete(), 0, "k1");

    assertThat(outcome.kind()).isEqualTo(ActionOutcome.Kind.NOT_FOUND);
    assertThat(actions.act(ADA, "missing", new ActionCommand.Complete(), 0, "k2").kind())
        .isEqualTo(ActionOutcome.Kind.NOT_FOUND);
    assertThat(stored("i1")).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM idempotency_records")).isZero();
  }

  @Test
  void act_snooze_storesTheSnoozeAndCountsNoCompletion() {
    item("i1", "ada", "OPEN", null, 0);
    Instant until = NOW.plus(Duration.ofDays(3));

    ActionOutcome outcome = actions.act(ADA, "i1", new ActionCommand.Snooze(until), 0, "k1");

    assertThat(stored("i1").snoozedUntil()).contains(until);
    assertThat(outcome.item()).contains(stored("i1"));
    assertThat(count("SELECT count(*) FROM daily_stats")).isZero();
    assertThat(actions.act(ADA, "i1", new ActionCommand.Snooze(NOW), 1, "k2").reason())
        .contains(RejectionReason.SNOOZE_NOT_IN_FUTURE);
  }

  @Test
  void updatePreferences_invalid_returnsFieldErrorsAndStoresNothing() {
    PreferenceUpdate update =
        new PreferenceUpdate(
            Optional.empty(),
            Optional.empty(),
            Optional.of(List.of("activity", "weather")),
            Optional.empty(),
            Optional.of("Mars/Olympus"),
            Optional.empty());

    PreferencesOutcome outcome = updatePreferences(ADA, update, 0, "k1");

    assertThat(outcome.kind()).isEqualTo(PreferencesOutcome.Kind.INVALID);
    assertThat(outcome.errors())
        .extracting(e -> e.field())
        .containsExactlyInAnyOrder("sectionOrder", "zone");
    assertThat(count("SELECT count(*) FROM preferences")).isZero();
    assertThat(count("SELECT count(*) FROM idempotency_records")).isZero();
  }

  @Test
  void updatePreferences_requiredSectionHidden_isInvalid() {
    PreferenceUpdate update =
        new PreferenceUpdate(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Set.of("personalization")),
            Optional.empty(),
            Optional.empty());

    assertThat(preferences.update(ADA, update, 0, "k1", SECTIONS, Set.of("personalization")).kind())
        .isEqualTo(PreferencesOutcome.Kind.INVALID);
  }

  @Test
  void updatePreferences_staleVersion_isAConflictAndKeepsTheStoredOnes() {
    PreferenceUpdate dark = themeUpdate(Theme.DARK);
    updatePreferences(ADA, dark, 0, "k1");

    PreferencesOutcome stale = updatePreferences(ADA, themeUpdate(Theme.LIGHT), 0, "k2");

    assertThat(stale).isEqualTo(PreferencesOutcome.versionConflict());
    Preferences stored = adapters.preferences().find(ADA).orElseThrow();
    assertThat(stored.theme()).contains(Theme.DARK);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM idempotency_records")).isEqualTo(1);
  }

  @Test
  void updatePreferences_repeatedKey_replaysAndReusedKeyIsRefused() {
    PreferencesOutcome first = updatePreferences(ADA, themeUpdate(Theme.DARK), 0, "k1");

    PreferencesOutcome again = updatePreferences(ADA, themeUpdate(Theme.DARK), 0, "k1");
    PreferencesOutcome reused = updatePreferences(ADA, themeUpdate(Theme.LIGHT), 1, "k1");

    Preferences stored = adapters.preferences().find(ADA).orElseThrow();
    assertThat(first).isEqualTo(PreferencesOutcome.applied(stored));
    assertThat(again).isEqualTo(first);
    assertThat(reused).isEqualTo(PreferencesOutcome.keyReused());
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void updatePreferences_unknownUser_isAnInvalidUserId() {
    PreferencesOutcome outcome =
        updatePreferences(UserId.of("nobody"), themeUpdate(Theme.DARK), 0, "k1");

    assertThat(outcome.errors()).containsExactly(new FieldError("userId", "no such user"));
    assertThat(count("SELECT count(*) FROM preferences")).isZero();
  }

  // --- the stores' own contract ------------------------------------------------------------

  @Test
  void actionItemStore_staleExpectedVersion_storesNothingAndSaysSo() {
    item("i1", "ada", "OPEN", null, 2);
    ActionItem before = stored("i1");
    ActionItem completed = before.withState(ActionState.COMPLETED);

    boolean stale = adapters.actionItemStore().inTransaction(tx -> tx.store(completed, 1));
    boolean current = adapters.actionItemStore().inTransaction(tx -> tx.store(completed, 2));

    assertThat(stale).isFalse();
    assertThat(current).isTrue();
    assertThat(stored("i1")).isEqualTo(completed);
  }

  @Test
  void actionItemStore_recordUnderATakenKey_keepsTheFirstAndTheTransactionGoesOn() {
    item("i1", "ada", "OPEN", null, 0);
    ActionItem item = stored("i1");
    var first = new ActionItemStore.Recorded("first", item);
    var second = new ActionItemStore.Recorded("second", item.withState(ActionState.DISMISSED));
    ActionItemStore store = adapters.actionItemStore();
    store.inTransaction(tx -> tx.record(ADA, "k1", first, NOW));

    boolean taken = store.inTransaction(tx -> tx.record(ADA, "k1", second, NOW));
    // On PostgreSQL a failed statement would abort the transaction; this one must not.
    Optional<ActionItem> afterwards =
        store.inTransaction(
            tx -> {
              tx.record(ADA, "k1", second, NOW);
              return tx.find(ADA, "i1");
            });

    assertThat(taken).isFalse();
    assertThat(afterwards).contains(item);
    Optional<ActionItemStore.Recorded> adas = store.inTransaction(tx -> tx.findRecorded(ADA, "k1"));
    Optional<ActionItemStore.Recorded> graces =
        store.inTransaction(tx -> tx.findRecorded(GRACE, "k1"));
    assertThat(adas).contains(first);
    assertThat(graces).isEmpty();
  }

  @Test
  void actionItemStore_workThatThrows_rollsBackEveryWrite() {
    item("i1", "ada", "OPEN", null, 0);
    ActionItem before = stored("i1");
    ActionItemStore store = adapters.actionItemStore();

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.store(before.withState(ActionState.COMPLETED), 0);
                      tx.countCompletion(ADA, NOW);
                      tx.record(ADA, "k1", new ActionItemStore.Recorded("h", before), NOW);
                      throw new IllegalStateException("changed my mind");
                    }))
        .hasMessage("changed my mind");

    assertThat(stored("i1")).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM daily_stats")).isZero();
    assertThat(count("SELECT count(*) FROM idempotency_records")).isZero();
  }

  @Test
  void preferenceStore_storesOnlyOverTheExpectedVersion() {
    PreferenceStore store = adapters.preferenceStore();
    Preferences first = preferencesAt(1, Theme.DARK);
    Preferences second = preferencesAt(2, Theme.LIGHT);

    boolean inserted = store.inTransaction(tx -> tx.store(first, 0));
    boolean insertedAgain = store.inTransaction(tx -> tx.store(first, 0));
    boolean stale = store.inTransaction(tx -> tx.store(second, 0));
    boolean updated = store.inTransaction(tx -> tx.store(second, 1));

    assertThat(List.of(inserted, insertedAgain, stale, updated))
        .containsExactly(true, false, false, true);
    Optional<Preferences> found = store.inTransaction(tx -> tx.find(ADA));
    boolean ada = store.inTransaction(tx -> tx.userExists(ADA));
    boolean nobody = store.inTransaction(tx -> tx.userExists(UserId.of("nobody")));
    assertThat(found).contains(second);
    assertThat(ada).isTrue();
    assertThat(nobody).isFalse();
  }

  @Test
  void preferenceStore_recordUnderATakenKey_keepsTheFirst() {
    PreferenceStore store = adapters.preferenceStore();
    var first = new PreferenceStore.Recorded("first", preferencesAt(1, Theme.DARK));
    var second = new PreferenceStore.Recorded("second", preferencesAt(1, Theme.LIGHT));

    boolean recorded = store.inTransaction(tx -> tx.record(ADA, "k1", first, NOW));
    boolean taken = store.inTransaction(tx -> tx.record(ADA, "k1", second, NOW));

    assertThat(recorded).isTrue();
    assertThat(taken).isFalse();
    Optional<PreferenceStore.Recorded> kept = store.inTransaction(tx -> tx.findRecorded(ADA, "k1"));
    assertThat(kept).contains(first);
  }

  // --- query plans -------------------------------------------------------------------------

  @Test
  void plans_feedOpenItemsAndStatistics_useTheirIndexes() {
    for (int i = 0; i < 200; i++) {
      adapters.recordActivity(
          new ActivityEvent(
              "p" + i,
              List.of(ADA, GRACE, BOB).get(i % 3),
              i % 2 == 0 ? Optional.of("engines") : Optional.empty(),
              "comment",
              "doc",
              NOW.minusSeconds(i)));
      item(
          "a" + i,
          List.of("ada", "grace", "bob").get(i % 3),
          i % 2 == 0 ? "OPEN" : "COMPLETED",
          null,
          0);
    }
    if (db.postgres()) {
      jdbi.useHandle(h -> h.execute("ANALYZE"));
    }
    String feed =
        plan(
            JdbcActivity.sql(1, true),
            Map.of(
                "user", "ada", "team0", "engines", "at", Sql.micros(NOW), "id", "p", "limit", 20));
    String open = plan(JdbcActionItems.OPEN, Map.of("owner", "ada", "limit", 50));
    String openCount = plan(JdbcDailyStats.OPEN_ACTIONS, Map.of("owner", "ada"));
    String daily =
        plan(JdbcDailyStats.DAILY, Map.of("user", "ada", "from", "2026-02-01", "to", "2026-03-10"));

    assertThat(feed).contains("idx_activity_events_actor").contains("idx_activity_events_team");
    assertThat(open).contains("idx_action_items_owner");
    assertThat(openCount).contains("idx_action_items_owner");
    assertThat(daily).contains(db.dailyStatsKeyIndex());
  }

  // --- helpers -----------------------------------------------------------------------------

  private String plan(String sql, Map<String, Object> parameters) {
    return jdbi.withHandle(h -> db.plan(h, sql, parameters));
  }

  private PreferencesOutcome updatePreferences(
      UserId user, PreferenceUpdate update, long expectedVersion, String key) {
    return preferences.update(user, update, expectedVersion, key, SECTIONS, Set.of());
  }

  /** Ada's preferences at a version, with a theme and a zone, order and locale to round-trip. */
  private static Preferences preferencesAt(long version, Theme theme) {
    return new Preferences(
        ADA,
        Optional.of(theme),
        Optional.of(Density.COMFORTABLE),
        List.of("activity", "actions"),
        Set.of("system"),
        Optional.of(ZoneId.of("Europe/Paris")),
        Optional.of(Locale.CANADA_FRENCH),
        version);
  }

  private static PreferenceUpdate themeUpdate(Theme theme) {
    return new PreferenceUpdate(
        Optional.of(theme),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static ActivityEvent event(String id, UserId actor, Instant at) {
    return new ActivityEvent(id, actor, Optional.empty(), "comment", "doc", at);
  }

  private void user(
      String id, String name, String zone, String locale, @Nullable Instant lastVisit) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO users (id, display_name, zone, locale, last_visit_at, created_at)"
                        + " VALUES (:id, :name, :zone, :locale, :visit, 0)")
                .bind("id", id)
                .bind("name", name)
                .bind("zone", zone)
                .bind("locale", locale)
                .bind("visit", lastVisit == null ? null : Sql.micros(lastVisit))
                .execute());
  }

  private void team(String user, String team) {
    jdbi.useHandle(
        h ->
            h.createUpdate("INSERT INTO user_teams (user_id, team) VALUES (:u, :t)")
                .bind("u", user)
                .bind("t", team)
                .execute());
  }

  /** An item due two days from now, snoozed until the given time if any. */
  void item(String id, String owner, String state, @Nullable Instant snoozedUntil, long version) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO action_items (id, owner_id, title, priority, due_at, state,"
                        + " snoozed_until, created_at, version)"
                        + " VALUES (:id, :owner, 'Do it', 'HIGH', :due, :state, :snoozed, :created, :v)")
                .bind("id", id)
                .bind("owner", owner)
                .bind("due", Sql.micros(NOW.plus(Duration.ofDays(2))))
                .bind("state", state)
                .bind("snoozed", snoozedUntil == null ? null : Sql.micros(snoozedUntil))
                .bind("created", Sql.micros(NOW.minus(Duration.ofDays(5))))
                .bind("v", version)
                .execute());
  }

  ActionItem stored(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + Rows.ACTION_ITEM_COLUMNS + " FROM action_items WHERE id = :id")
                .bind("id", id)
                .map(Rows.ACTION_ITEM)
                .one());
  }

  long count(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).findOne().orElse(0L));
  }
}
