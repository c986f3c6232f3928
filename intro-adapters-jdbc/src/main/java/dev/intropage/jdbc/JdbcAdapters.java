package dev.intropage.jdbc;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.actions.ActionItemRepository;
import dev.intropage.core.actions.ActionItemStore;
import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserRepository;
import dev.intropage.core.personalization.PreferenceRepository;
import dev.intropage.core.personalization.PreferenceStore;
import dev.intropage.core.statistics.DailyStatsRepository;
import dev.intropage.core.system.SystemStatusProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Core's data ports and the stores behind its write use cases, on Intro Page's schema, for SQLite
 * and PostgreSQL.
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
 * ActionItemWriter actions = ActionItemWriter.over(adapters.actionItemStore(), clock);
 * }
 *
 * <p>Each port loads its section with at most two statements. Each write runs in one transaction:
 * it changes everything it should or nothing. The stores decide nothing: the rules, versions and
 * idempotency keys are core's. Immutable and thread-safe; it owns no resources (the caller closes
 * the data source).
 */
public final class JdbcAdapters {
  private final Jdbi jdbi;
  private final Writes writes;

  private JdbcAdapters(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.writes = new Writes(jdbi, clock);
  }

  /**
   * Returns the adapters on a data source.
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
    return new JdbcAdapters(jdbi, clock);
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
   * Returns the store behind core's action item use case ({@code ActionItemWriter.over}): one
   * transaction per command, a version-checked update, the daily rollup's completions and the
   * idempotency records.
   */
  public ActionItemStore actionItemStore() {
    return new JdbcActionItemStore(jdbi);
  }

  /**
   * Deletes the idempotency records made before the cut-off, so that they do not pile up; a request
   * repeated with a purged key is taken as a new one.
   *
   * @return how many records it deleted
   * @throws NullPointerException if the cut-off is null
   * @throws org.jdbi.v3.core.JdbiException if the database fails
   */
  public int purgeIdempotencyRecords(Instant before) {
    requireNonNull(before, "before");
    return jdbi.withHandle(handle -> Records.purge(handle, before));
  }

  /**
   * Returns the store behind core's preferences use case ({@code PreferenceWriter.over}): one
   * transaction per update, a version-checked upsert and the idempotency records.
   */
  public PreferenceStore preferenceStore() {
    return new JdbcPreferenceStore(jdbi);
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
