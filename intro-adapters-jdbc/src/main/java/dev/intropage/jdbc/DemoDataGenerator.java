package dev.intropage.jdbc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Fills an empty, migrated database with the demo data set: {@code ada} (Ada Lovelace) and {@code
 * grace} (Grace Hopper) with 60 days of history, action items of every priority (overdue, snoozed
 * and completed ones among them) and preferences for Grace, plus generated users {@code
 * user-00001}, ... with a given number of events for load tests.
 *
 * <p>Everything follows from the seed and {@code now}: the same arguments give the same rows. The
 * daily rollups are computed from the generated events and completed items, so they agree with them
 * exactly. Rows go in through JDBI batches in one transaction.
 *
 * {@snippet :
 * DemoDataGenerator.Summary summary =
 *     DemoDataGenerator.generate(dataSource, 10_000, 1_000_000, 42L, clock.instant());
 * }
 */
public final class DemoDataGenerator {
  /** How far back the histories go. */
  public static final int HISTORY_DAYS = 60;

  private static final int BATCH = 5_000;
  private static final long DAY_MICROS = Duration.ofDays(1).toNanos() / 1000;
  private static final List<String> TYPES = List.of("comment", "commit", "review", "deploy");
  private static final List<String> ZONES =
      List.of(
          "UTC",
          "Europe/London",
          "Europe/Paris",
          "America/New_York",
          "America/Los_Angeles",
          "Asia/Tokyo",
          "Australia/Sydney");
  private static final List<String> LOCALES = List.of("en-US", "en-GB", "fr-FR", "de-DE", "ja-JP");
  private static final int TEAMS = 50;

  /**
   * What {@link #generate} did.
   *
   * @param users the users inserted, {@code ada} and {@code grace} included
   * @param events the activity events inserted
   * @param actionItems the action items inserted
   * @param skipped whether nothing was inserted because the database already had users
   */
  public record Summary(int users, long events, long actionItems, boolean skipped) {}

  private DemoDataGenerator() {}

  /**
   * Generates the data set on a data source; see {@link #generate(Jdbi, int, long, long, Instant)}.
   */
  public static Summary generate(
      DataSource dataSource, int users, long events, long seed, Instant now) {
    requireNonNull(dataSource, "dataSource");
    return generate(Jdbi.create(dataSource), users, events, seed, now);
  }

  /**
   * Generates the data set unless the database already has users, in which case it does nothing.
   *
   * @param users how many {@code user-NNNNN} users to add besides ada and grace; 0 or more
   * @param events how many events to spread over them within the last {@value #HISTORY_DAYS} days;
   *     0 or more, and 0 when there are no generated users
   * @param seed the seed every random choice follows
   * @param now the moment the histories end
   * @throws IllegalArgumentException if a count is negative, or events are asked without users
   * @throws org.jdbi.v3.core.JdbiException if the database fails; nothing is then inserted
   */
  public static Summary generate(Jdbi jdbi, int users, long events, long seed, Instant now) {
    requireNonNull(jdbi, "jdbi");
    requireNonNull(now, "now");
    if (users < 0 || events < 0 || (users == 0 && events > 0)) {
      throw new IllegalArgumentException(
          "users and events must not be negative, and events need users: " + users + ", " + events);
    }
    Instant end = now.truncatedTo(ChronoUnit.MICROS);
    return jdbi.inTransaction(
        handle -> {
          long existing = handle.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one();
          if (existing > 0) {
            return new Summary(0, 0, 0, true);
          }
          Generator generator = new Generator(handle, new SplittableRandom(seed), end);
          generator.demoUsers();
          generator.generatedUsers(users, events);
          generator.flush();
          return new Summary(users + 2, generator.eventCount, generator.itemCount, false);
        });
  }

  /** One run's state: the open batches and counters. Used by one thread, inside one transaction. */
  private static final class Generator {
    private final Handle handle;
    private final SplittableRandom random;
    private final Instant now;
    private final long nowMicros;
    private final PreparedBatch userBatch;
    private final PreparedBatch teamBatch;
    private final PreparedBatch eventBatch;
    private final PreparedBatch itemBatch;
    private final PreparedBatch dailyBatch;
    private long eventCount;
    private long itemCount;

    Generator(Handle handle, SplittableRandom random, Instant now) {
      this.handle = handle;
      this.random = random;
      this.now = now;
      this.nowMicros = Sql.micros(now);
      this.userBatch =
          handle.prepareBatch(
              "INSERT INTO users (id, display_name, zone, locale, last_visit_at, created_at)"
                  + " VALUES (:id, :name, :zone, :locale, :visit, :created)");
      this.teamBatch =
          handle.prepareBatch("INSERT INTO user_teams (user_id, team) VALUES (:user, :team)");
      this.eventBatch =
          handle.prepareBatch(
              "INSERT INTO activity_events ("
                  + Rows.ACTIVITY_COLUMNS
                  + ") VALUES (:id, :actor, :team, :type, :subject, :at)");
      this.itemBatch =
          handle.prepareBatch(
              "INSERT INTO action_items ("
                  + Rows.ACTION_ITEM_COLUMNS
                  + ") VALUES (:id, :owner, :title, :priority, :due, :state, :snoozed, :created,"
                  + " :version)");
      this.dailyBatch =
          handle.prepareBatch(
              "INSERT INTO daily_stats (user_id, day, events, completed)"
                  + " VALUES (:user, :day, :events, :completed)");
    }

    void demoUsers() {
      user(
          "ada",
          "Ada Lovelace",
          "Europe/London",
          "en-GB",
          now.minus(Duration.ofHours(14)),
          List.of("engines"));
      user(
          "grace",
          "Grace Hopper",
          "America/New_York",
          "en-US",
          now.minus(Duration.ofDays(2)),
          List.of("compilers", "engines"));
      flushUsers();
      demoHistory("ada", ZoneId.of("Europe/London"), List.of("engines"));
      demoHistory("grace", ZoneId.of("America/New_York"), List.of("compilers", "engines"));
      handle
          .createUpdate(
              "INSERT INTO preferences (user_id, theme, density, section_order, hidden_sections,"
                  + " zone, locale, version) VALUES ('grace', 'DARK', 'COMPACT',"
                  + " 'actions,activity', '', NULL, NULL, 1)")
          .execute();
      component("database", "UP", "demo data", true);
      component("search", "DEGRADED", "slow replica", false);
      handle
          .createUpdate(
              "INSERT INTO maintenance_notices (id, message, severity, starts_at, ends_at)"
                  + " VALUES ('upgrade', 'Database upgrade on Sunday', 'INFO', :starts, :ends)")
          .bind("starts", Sql.micros(now.plus(Duration.ofDays(2))))
          .bind("ends", Sql.micros(now.plus(Duration.ofDays(2)).plus(Duration.ofHours(1))))
          .execute();
    }

    private void component(String name, String state, String detail, boolean critical) {
      handle
          .createUpdate(
              "INSERT INTO system_components (name, state, detail, critical, updated_at)"
                  + " VALUES (:name, :state, :detail, :critical, :at)")
          .bind("name", name)
          .bind("state", state)
          .bind("detail", detail)
          .bind("critical", critical)
          .bind("at", nowMicros)
          .execute();
    }

    /** Sixty days of one to five events a day, and one item of each kind the section shows. */
    private void demoHistory(String user, ZoneId zone, List<String> teams) {
      Map<String, int[]> rollup = new TreeMap<>();
      int n = 0;
      for (int day = 0; day < HISTORY_DAYS; day++) {
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
          long at = nowMicros - day * DAY_MICROS - random.nextLong(DAY_MICROS);
          String team = random.nextBoolean() ? teams.get(random.nextInt(teams.size())) : null;
          event(String.format(Locale.ROOT, "%s-e%04d", user, ++n), user, team, at, zone, rollup);
        }
      }
      item(user + "-a1", user, "Fix the failing build", "CRITICAL", -3, "OPEN", null, 10);
      item(user + "-a2", user, "Review the quarterly numbers", "HIGH", 24, "OPEN", null, 5);
      item(user + "-a3", user, "Update the engine diagrams", "NORMAL", 24 * 9, "OPEN", 48L, 4);
      item(user + "-a4", user, "Read the new style guide", "LOW", null, "OPEN", null, 3);
      item(user + "-a5", user, "Answer the survey", "NORMAL", -24, "OPEN", null, 20);
      for (int i = 1; i <= 6; i++) {
        long completedAt = nowMicros - 2L * i * DAY_MICROS;
        item(user + "-c" + i, user, "Closed task " + i, "NORMAL", null, "COMPLETED", null, 30);
        rollup.computeIfAbsent(Sql.day(Sql.instant(completedAt), zone), d -> new int[2])[1] += 1;
      }
      daily(user, rollup);
    }

    void generatedUsers(int users, long events) {
      String[] zones = new String[users + 1];
      for (int u = 1; u <= users; u++) {
        String id = String.format(Locale.ROOT, "user-%05d", u);
        String zone = ZONES.get(random.nextInt(ZONES.size()));
        zones[u] = zone;
        String first = String.format(Locale.ROOT, "team-%02d", random.nextInt(TEAMS));
        String second = String.format(Locale.ROOT, "team-%02d", random.nextInt(TEAMS));
        List<String> teams = first.equals(second) ? List.of(first) : List.of(first, second);
        user(
            id,
            "User " + u,
            zone,
            LOCALES.get(random.nextInt(LOCALES.size())),
            Sql.instant(nowMicros - random.nextLong(3 * DAY_MICROS)),
            teams);
      }
      flushUsers();
      for (int u = 1; u <= users; u++) {
        String id = String.format(Locale.ROOT, "user-%05d", u);
        ZoneId zone = ZoneId.of(zones[u]);
        long count = events / users + (u <= events % users ? 1 : 0);
        Map<String, int[]> rollup = new TreeMap<>();
        for (long i = 0; i < count; i++) {
          long at = nowMicros - random.nextLong(HISTORY_DAYS * DAY_MICROS);
          String team =
              random.nextBoolean()
                  ? String.format(Locale.ROOT, "team-%02d", random.nextInt(TEAMS))
                  : null;
          event(String.format(Locale.ROOT, "ev-%09d", eventCount + 1), id, team, at, zone, rollup);
        }
        for (int i = 1; i <= 2; i++) {
          String priority = List.of("CRITICAL", "HIGH", "NORMAL", "LOW").get(random.nextInt(4));
          item(id + "-a" + i, id, "Task " + i, priority, random.nextInt(240) - 48, "OPEN", null, 7);
        }
        daily(id, rollup);
      }
    }

    private void user(
        String id, String name, String zone, String locale, Instant visit, List<String> teams) {
      userBatch
          .bind("id", id)
          .bind("name", name)
          .bind("zone", zone)
          .bind("locale", locale)
          .bind("visit", Sql.micros(visit))
          .bind("created", nowMicros - HISTORY_DAYS * DAY_MICROS)
          .add();
      for (String team : teams) {
        teamBatch.bind("user", id).bind("team", team).add();
      }
    }

    private void flushUsers() {
      execute(userBatch);
      execute(teamBatch);
    }

    private void event(
        String id,
        String actor,
        @org.jspecify.annotations.Nullable String team,
        long at,
        ZoneId zone,
        Map<String, int[]> rollup) {
      eventBatch
          .bind("id", id)
          .bind("actor", actor)
          .bind("team", team)
          .bind("type", TYPES.get(random.nextInt(TYPES.size())))
          .bind("subject", "doc-" + random.nextInt(1000))
          .bind("at", at)
          .add();
      eventCount++;
      rollup.computeIfAbsent(Sql.day(Sql.instant(at), zone), d -> new int[2])[0] += 1;
      if (eventBatch.size() >= BATCH) {
        execute(eventBatch);
      }
    }

    /** An item due some hours from now (negative: overdue), created some days ago. */
    private void item(
        String id,
        String owner,
        String title,
        String priority,
        @org.jspecify.annotations.Nullable Integer dueInHours,
        String state,
        @org.jspecify.annotations.Nullable Long snoozedForHours,
        int createdDaysAgo) {
      long hour = DAY_MICROS / 24;
      itemBatch
          .bind("id", id)
          .bind("owner", owner)
          .bind("title", title)
          .bind("priority", priority)
          .bind("due", dueInHours == null ? null : nowMicros + dueInHours * hour)
          .bind("state", state)
          .bind("snoozed", snoozedForHours == null ? null : nowMicros + snoozedForHours * hour)
          .bind("created", nowMicros - createdDaysAgo * DAY_MICROS)
          .bind("version", state.equals("OPEN") ? 0L : 1L)
          .add();
      itemCount++;
      if (itemBatch.size() >= BATCH) {
        execute(itemBatch);
      }
    }

    private void daily(String user, Map<String, int[]> rollup) {
      rollup.forEach(
          (day, counts) ->
              dailyBatch
                  .bind("user", user)
                  .bind("day", day)
                  .bind("events", counts[0])
                  .bind("completed", counts[1])
                  .add());
      if (dailyBatch.size() >= BATCH) {
        execute(dailyBatch);
      }
    }

    void flush() {
      execute(eventBatch);
      execute(itemBatch);
      execute(dailyBatch);
    }

    private static void execute(PreparedBatch batch) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }
}
