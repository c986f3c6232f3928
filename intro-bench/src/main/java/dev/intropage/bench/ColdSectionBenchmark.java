package dev.intropage.bench;

import dev.intropage.core.IntroPage;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.PageRequest;
import dev.intropage.core.SectionContext;
import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionPolicy;
import dev.intropage.core.SectionResult;
import dev.intropage.core.SectionSource;
import dev.intropage.core.SectionStatus;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.sections.IntroSections;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.system.SystemOverview;
import dev.intropage.jdbc.DemoDataGenerator;
import dev.intropage.jdbc.JdbcAdapters;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long one section, and one whole page, takes to load from the database when nothing is cached,
 * on the demo data set: 10,000 users and 1,000,000 events ({@link DemoDataGenerator}, seed {@value
 * #SEED}), on a SQLite file and on PostgreSQL (embedded, started in the benchmark's JVM). Sampled,
 * so JMH prints p50, p90, p95 and p99; docs/performance.md has the targets and the figures.
 *
 * <ul>
 *   <li>{@code section} STATISTICS, ACTIONS, ACTIVITY, PERSONALIZATION and SYSTEM: the section's
 *       own source over the JDBC adapter's port, as the engine calls it, for a viewer whose profile
 *       was read in setup (not timed).
 *   <li>{@code section} PAGE: {@link IntroPageEngine#assemble} with every built-in port on the JDBC
 *       adapters and caching off for every section and for the profile, so each page reads the
 *       profile, then personalization and the four other sections in parallel. A page with a
 *       section that is not FRESH is counted and reported at the end of the trial.
 * </ul>
 *
 * <p>Each operation takes the next user of all 10,000 generated ones ({@code user-00001} to {@code
 * user-10000}) in a seeded shuffled order, from a random start. The clock is fixed at {@link #NOW},
 * the end of the generated histories.
 *
 * <p>Each engine's database is generated once and kept ({@link DemoDatabases}). Run, from the
 * repository root after {@code ./mvnw -o -q -pl intro-bench -am package -DskipTests}:
 *
 * <pre>
 * java -jar intro-bench/target/benchmarks.jar ColdSectionBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s \
 *     -rf json -rff docs/bench/cold-sections.json
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class ColdSectionBenchmark {
  /** How many {@code user-NNNNN} users the data set has besides ada and grace. */
  static final int USERS = 10_000;

  /** How many events the data set spreads over them. */
  static final long EVENTS = 1_000_000L;

  static final long SEED = 42L;

  /** The end of the generated histories, and the benchmark's fixed clock. */
  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  /** The built-in sections in the engine's default order, as personalization receives them. */
  static final List<String> DEFAULT_ORDER =
      List.of(
          Personalization.KEY.name(),
          UserStatistics.KEY.name(),
          ActionItemsView.KEY.name(),
          ActivityFeed.KEY.name(),
          SystemOverview.KEY.name());

  /** The database engine. */
  public enum Database {
    SQLITE,
    POSTGRESQL
  }

  /** What one operation loads. */
  public enum Section {
    STATISTICS,
    ACTIONS,
    ACTIVITY,
    PERSONALIZATION,
    SYSTEM,
    PAGE
  }

  @Param({"SQLITE", "POSTGRESQL"})
  public Database engine = Database.SQLITE;

  @Param({"STATISTICS", "ACTIONS", "ACTIVITY", "PERSONALIZATION", "SYSTEM", "PAGE"})
  public Section section = Section.PAGE;

  /** Closed in reverse order of opening: engine, pool, server. */
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  private final LongAdder degradedPages = new LongAdder();
  private final LongAdder pages = new LongAdder();

  private DemoDatabases databases() {
    return new DemoDatabases(USERS, EVENTS, SEED, NOW, resources);
  }

  /** Loads the section of the user at an index of {@link #ids}. */
  private IntFunction<Object> operation =
      index -> {
        throw new IllegalStateException("setup has not run");
      };

  private final UserId[] ids = ids();

  /** Opens (or first generates) the database and prepares what one operation loads. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    DataSource dataSource =
        switch (engine) {
          case SQLITE -> databases().sqlite();
          case POSTGRESQL -> databases().postgres();
        };
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    JdbcAdapters adapters = JdbcAdapters.create(dataSource, clock);
    if (section == Section.PAGE) {
      IntroPageEngine page = engine(adapters, clock);
      resources.push(page);
      PageRequest[] requests = new PageRequest[ids.length];
      for (int i = 0; i < ids.length; i++) {
        requests[i] = PageRequest.of(ids[i]);
      }
      checkFresh(page.assemble(requests[0]));
      checkFresh(page.assemble(requests[0]));
      operation = index -> countDegraded(page.assemble(requests[index]));
      return;
    }
    UserProfile[] profiles = new UserProfile[ids.length];
    for (int i = 0; i < ids.length; i++) {
      UserId id = ids[i];
      profiles[i] =
          adapters
              .users()
              .find(id)
              .orElseThrow(() -> new IllegalStateException("no such user in the demo set: " + id));
    }
    operation =
        switch (section) {
          case STATISTICS -> load(UserStatistics.section(adapters.dailyStats()), profiles);
          case ACTIONS -> load(ActionItemsView.section(adapters.actionItems()), profiles);
          case ACTIVITY -> load(ActivityFeed.section(adapters.activity()), profiles);
          case PERSONALIZATION -> load(Personalization.section(adapters.preferences()), profiles);
          // The same for every viewer; an engine would add its breakers, none here.
          case SYSTEM ->
              load(
                  SystemOverview.section(adapters.systemStatus("bench", () -> Optional.of("6"))),
                  profiles);
          case PAGE -> throw new AssertionError("handled above");
        };
  }

  /** The section's own source, as the engine calls it, for the viewer at an index. */
  private static IntFunction<Object> load(
      dev.intropage.core.Section<?> section, UserProfile[] profiles) {
    SectionSource<?> source = section.source();
    return index -> {
      try {
        return source.load(new SectionContext(profiles[index], NOW));
      } catch (Exception e) {
        throw new IllegalStateException("section failed: " + section, e);
      }
    };
  }

  /** Stops the engine, closes the pool and stops PostgreSQL; reports pages that were not fresh. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (section == Section.PAGE) {
      System.out.printf(
          Locale.ROOT,
          "%n%d of %d pages had a section not FRESH%n",
          degradedPages.sum(),
          pages.sum());
    }
    @Nullable Exception failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Benchmark
  public Object load(Walk walk) {
    return operation.apply(walk.next());
  }

  /** Each benchmark thread's position in {@link #ids}, from a random start. */
  @State(Scope.Thread)
  public static class Walk {
    private int index = ThreadLocalRandom.current().nextInt(USERS);

    int next() {
      int current = index;
      index = current + 1 == USERS ? 0 : current + 1;
      return current;
    }
  }

  /** user-00001 to user-10000 in a seeded random order. */
  static UserId[] ids() {
    List<UserId> ids = new ArrayList<>(USERS);
    for (int u = 1; u <= USERS; u++) {
      ids.add(UserId.of(String.format(Locale.ROOT, "user-%05d", u)));
    }
    Collections.shuffle(ids, new Random(SEED));
    return ids.toArray(UserId[]::new);
  }

  /** An engine on every JDBC port that caches nothing, not even the profile. */
  static IntroPageEngine engine(JdbcAdapters adapters, Clock clock) {
    SectionPolicy uncached =
        SectionPolicy.builder()
            .timeout(Duration.ofSeconds(1))
            .cacheTtl(Duration.ZERO)
            .staleWhileRevalidate(Duration.ZERO)
            .maxStale(Duration.ZERO)
            .build();
    IntroPageEngine.Builder builder =
        IntroSections.register(
            IntroPageEngine.builder()
                .viewers(adapters.users())
                .profileTtl(Duration.ZERO)
                .pageDeadline(Duration.ofSeconds(2))
                .clock(clock),
            adapters.preferences(),
            adapters.dailyStats(),
            adapters.actionItems(),
            adapters.activity(),
            adapters.systemStatus("bench", () -> Optional.of("6")));
    for (SectionKey<?> key :
        List.of(
            Personalization.KEY,
            UserStatistics.KEY,
            ActionItemsView.KEY,
            ActivityFeed.KEY,
            SystemOverview.KEY)) {
      builder.policy(key, uncached);
    }
    return builder.build();
  }

  private IntroPage countDegraded(IntroPage page) {
    pages.increment();
    for (SectionResult<?> result : page.sections()) {
      if (result.status() != SectionStatus.FRESH) {
        degradedPages.increment();
        break;
      }
    }
    return page;
  }

  /** Fails setup unless the page has all five built-in sections, each loaded fresh. */
  private static void checkFresh(IntroPage page) {
    if (page.sections().size() != DEFAULT_ORDER.size()) {
      throw new IllegalStateException("expected " + DEFAULT_ORDER + ": " + page);
    }
    for (SectionResult<?> result : page.sections()) {
      if (result.status() != SectionStatus.FRESH) {
        throw new IllegalStateException("expected FRESH: " + result);
      }
    }
  }
}
