package dev.intropage.jdbc;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.actions.ActionCommand;
import dev.intropage.core.actions.ActionItemRepository;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.actions.RejectionReason;
import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserRepository;
import dev.intropage.core.personalization.FieldError;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.personalization.PreferenceRepository;
import dev.intropage.core.personalization.PreferenceUpdate;
import dev.intropage.core.personalization.PreferenceWriter;
import dev.intropage.core.statistics.DailyStatsRepository;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.system.SystemOverview;
import dev.intropage.core.system.SystemStatusProvider;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Core's data ports and the page's writes on Intro Page's schema, for SQLite and PostgreSQL.
 *
 * {@snippet :
 * JdbcAdapters adapters = JdbcAdapters.create(dataSource, clock);
 * IntroPageEngine engine = IntroPageEngine.builder()
 *     .users(adapters.users())
 *     .activity(adapters.activity())
 *     .actionItems(adapters.actionItems())
 *     .dailyStats(adapters.dailyStats())
 *     .preferences(adapters.preferences())
 *     .systemStatus(adapters.systemStatus("1.0.0", () -> Optional.of("6")))
 *     .clock(clock)
 *     .build();
 * ActionOutcome outcome =
 *     adapters.actionItemWriter().act(ada, "item-1", new ActionCommand.Complete(), 0, key);
 * }
 *
 * <p>Each port loads its section with at most two statements. Each write runs in one transaction:
 * it changes everything it should or nothing. Immutable and thread-safe; it owns no resources (the
 * caller closes the data source).
 */
public final class JdbcAdapters {
  /** The section keys of core's built-in sections, the default for preference validation. */
  static final Set<String> BUILT_IN_SECTIONS =
      Set.of(
          Personalization.KEY.name(),
          UserStatistics.KEY.name(),
          ActionItemsView.KEY.name(),
          ActivityFeed.KEY.name(),
          SystemOverview.KEY.name());

  private final Jdbi jdbi;
  private final Clock clock;
  private final Set<String> knownSections;
  private final Set<String> requiredSections;
  private final Writes writes;

  private JdbcAdapters(
      Jdbi jdbi, Clock clock, Set<String> knownSections, Set<String> requiredSections) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.knownSections = Set.copyOf(knownSections);
    this.requiredSections = Set.copyOf(requiredSections);
    this.writes = new Writes(jdbi, clock);
  }

  /**
   * Returns the adapters on a data source; preference updates may name {@link #BUILT_IN_SECTIONS}
   * and hide any of them.
   *
   * @throws NullPointerException if an argument is null
   */
  public static JdbcAdapters create(DataSource dataSource, Clock clock) {
    requireNonNull(dataSource, "dataSource");
    return create(PoolGate.jdbi(dataSource), clock);
  }

  /**
   * Returns the adapters on a configured {@link Jdbi}, for hosts that set their own logger or
   * plugins.
   *
   * @throws NullPointerException if an argument is null
   */
  public static JdbcAdapters create(Jdbi jdbi, Clock clock) {
    requireNonNull(jdbi, "jdbi");
    requireNonNull(clock, "clock");
    return new JdbcAdapters(jdbi, clock, BUILT_IN_SECTIONS, Set.of());
  }

  /**
   * Returns a copy that validates preference updates against other sections: the page's section
   * keys, and those that can never be hidden.
   *
   * @throws NullPointerException if a set is null
   * @throws IllegalArgumentException if a required section is not known
   */
  JdbcAdapters withSections(Set<String> known, Set<String> required) {
    requireNonNull(known, "known");
    requireNonNull(required, "required");
    if (!known.containsAll(required)) {
      throw new IllegalArgumentException("required sections must be known: " + required);
    }
    return new JdbcAdapters(jdbi, clock, known, required);
  }

  /** Returns the profile port: one statement for the user and their teams. */
  public UserRepository users() {
    return new JdbcUsers(jdbi);
  }

  /** Returns the activity feed port: one statement per page of the feed. */
  public ActivityRepository activity() {
    return new JdbcActivity(jdbi);
  }

  /** Returns the open action items port: one statement. */
  public ActionItemRepository actionItems() {
    return new JdbcActionItems(jdbi);
  }

  /** Returns the daily rollups port: one statement for the days, one for the open count. */
  public DailyStatsRepository dailyStats() {
    return new JdbcDailyStats(jdbi);
  }

  /** Returns the stored preferences port: one statement. */
  public PreferenceRepository preferences() {
    return new JdbcPreferences(jdbi);
  }

  /**
   * Returns the system status port: the components in {@code system_components} (with a {@code
   * database} component that is UP whenever the query answers, unless the table has its own), the
   * notices that have not ended, and as active users those who visited within the last 15 minutes.
   *
   * @param version the running application's version
   * @param schemaVersion reads the schema version, called on each snapshot
   * @throws NullPointerException if an argument is null
   */
  public SystemStatusProvider systemStatus(
      String version, Supplier<Optional<String>> schemaVersion) {
    requireNonNull(version, "version");
    requireNonNull(schemaVersion, "schemaVersion");
    return new JdbcSystemStatus(jdbi, version, schemaVersion);
  }

  /**
   * Returns core's write port for action items: one transaction per command, optimistic on the
   * version, idempotent on the key, with the daily rollup updated alongside.
   */
  public ActionItemWriter actionItemWriter() {
    return (owner, itemId, command, expectedVersion, key) ->
        toCore(itemId, act(owner, itemId, command, expectedVersion, key));
  }

  /**
   * Returns core's write port for preferences: validated against the sections the caller names,
   * optimistic on the version, idempotent on the key. An unknown user is an invalid {@code userId}.
   */
  public PreferenceWriter preferenceWriter() {
    return (user, update, expectedVersion, key, known, required) ->
        toCore(withSections(known, required).updatePreferences(user, update, expectedVersion, key));
  }

  private static dev.intropage.core.actions.ActionOutcome toCore(
      String itemId, ActionOutcome outcome) {
    if (outcome instanceof ActionOutcome.Applied applied) {
      return dev.intropage.core.actions.ActionOutcome.applied(applied.item());
    }
    ActionOutcome.Rejected rejected = (ActionOutcome.Rejected) outcome;
    return switch (rejected.reason()) {
      case NOT_FOUND -> dev.intropage.core.actions.ActionOutcome.notFound(itemId);
      case IDEMPOTENCY_KEY_REUSED -> dev.intropage.core.actions.ActionOutcome.keyReused();
      case VERSION_CONFLICT, NOT_OPEN, SNOOZE_NOT_IN_FUTURE, SNOOZE_TOO_FAR ->
          dev.intropage.core.actions.ActionOutcome.rejected(
              RejectionReason.valueOf(rejected.reason().name()), rejected.message());
    };
  }

  private static dev.intropage.core.personalization.PreferencesOutcome toCore(
      PreferencesOutcome outcome) {
    if (outcome instanceof PreferencesOutcome.Updated updated) {
      return dev.intropage.core.personalization.PreferencesOutcome.applied(updated.preferences());
    }
    if (outcome instanceof PreferencesOutcome.Invalid invalid) {
      return dev.intropage.core.personalization.PreferencesOutcome.invalid(invalid.errors());
    }
    PreferencesOutcome.Rejected rejected = (PreferencesOutcome.Rejected) outcome;
    return switch (rejected.reason()) {
      case VERSION_CONFLICT ->
          dev.intropage.core.personalization.PreferencesOutcome.versionConflict();
      case IDEMPOTENCY_KEY_REUSED ->
          dev.intropage.core.personalization.PreferencesOutcome.keyReused();
      case UNKNOWN_USER ->
          dev.intropage.core.personalization.PreferencesOutcome.invalid(
              List.of(new FieldError("userId", "no such user")));
    };
  }

  /**
   * Applies a command to one of the user's action items, in one transaction: the item's state and
   * version, the {@code completed} rollup of the user's local day when the command completes it,
   * and the idempotency record. A repeat with the same key and request returns the first outcome
   * (marked replayed) without applying again.
   *
   * @param user who asks; the item must be theirs, else not found
   * @param itemId the item's id
   * @param command what to do
   * @param expectedVersion the version the request was based on
   * @param idempotencyKey the client's key for this request, 1 to 255 characters
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the key is blank or too long
   * @throws org.jdbi.v3.core.JdbiException if the database fails
   */
  ActionOutcome act(
      UserId user,
      String itemId,
      ActionCommand command,
      long expectedVersion,
      String idempotencyKey) {
    requireNonNull(user, "user");
    requireNonNull(itemId, "itemId");
    requireNonNull(command, "command");
    requireNonNull(idempotencyKey, "idempotencyKey");
    return writes.act(user, itemId, command, expectedVersion, idempotencyKey);
  }

  /**
   * Validates and stores a preference update in one transaction, with an optimistic version check
   * (a user without stored preferences is at version 0) and an idempotency key as {@link #act}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the key is blank or too long
   * @throws org.jdbi.v3.core.JdbiException if the database fails
   */
  PreferencesOutcome updatePreferences(
      UserId user, PreferenceUpdate update, long expectedVersion, String idempotencyKey) {
    requireNonNull(user, "user");
    requireNonNull(update, "update");
    requireNonNull(idempotencyKey, "idempotencyKey");
    return writes.updatePreferences(
        user, update, expectedVersion, idempotencyKey, knownSections, requiredSections);
  }

  /**
   * Stores an event and adds it to the events column of the daily rollup of the actor's local day,
   * in one transaction. Storing an event id again changes nothing.
   *
   * @return whether the event was new
   * @throws NullPointerException if the event is null
   * @throws IllegalArgumentException if the actor is not a user
   * @throws org.jdbi.v3.core.JdbiException if the database fails
   */
  public boolean recordActivity(ActivityEvent event) {
    requireNonNull(event, "event");
    return writes.recordActivity(event);
  }

  /**
   * Records that the user opened the page now: the feed's "new since last visit" marker and the
   * system overview's active users follow it.
   *
   * @return whether the user exists
   * @throws NullPointerException if the user is null
   */
  public boolean recordVisit(UserId user) {
    requireNonNull(user, "user");
    return writes.recordVisit(user);
  }
}
