package dev.intropage.bench;

import dev.intropage.core.IntroPage;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.PageRequest;
import dev.intropage.core.SectionStatus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one {@link IntroPageEngine#assemble} costs the caller when the sources themselves cost
 * nothing: the engine's own overhead per page of six sections. The targets and the latest figures
 * are in docs/performance.md.
 *
 * <ul>
 *   <li>{@code warmPage}: every section of every pooled user is cached (time to live one hour,
 *       loaded in setup for all 1,024 users), so a page is seven cache hits (the layout section and
 *       six) and no thread is started.
 *   <li>{@code coldPage}: caching is off and the seven sources return at once, so a page forks the
 *       layout section and the six it may show in one round of virtual threads, loads each through
 *       breaker and bulkhead, and joins them; it is compared with {@link FanOutBenchmark}'s
 *       six-wide fork of virtual threads.
 * </ul>
 *
 * <p>Each operation assembles the page of the next user of a shuffled pool of 1,024. Run, from the
 * repository root after {@code ./mvnw -o -q -pl intro-bench -am package -DskipTests}:
 *
 * <pre>
 * java -jar intro-bench/target/benchmarks.jar PageAssemblyBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s \
 *     -prof gc -rf json -rff docs/bench/page-assembly.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PageAssemblyBenchmark {

  /** An engine whose cache holds every section of every pooled user. */
  @State(Scope.Benchmark)
  public static class Warm {
    final PageRequest[] requests = Users.requests();
    final IntroPageEngine engine = Engines.engine(Engines.cached(), Engines::instant);

    /** Loads every pooled user's page once, then checks that a second page is all cache hits. */
    @Setup(Level.Trial)
    public void warm() {
      for (PageRequest request : requests) {
        Engines.expect(engine.assemble(request), SectionStatus.FRESH);
      }
      for (PageRequest request : requests) {
        Engines.expect(engine.assemble(request), SectionStatus.CACHED);
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      engine.close();
    }
  }

  /** An engine that caches nothing. */
  @State(Scope.Benchmark)
  public static class Cold {
    final PageRequest[] requests = Users.requests();
    final IntroPageEngine engine = Engines.engine(Engines.uncached(), Engines::instant);

    /** Checks that pages are loaded fresh every time, twice for the same user. */
    @Setup(Level.Trial)
    public void check() {
      Engines.expect(engine.assemble(requests[0]), SectionStatus.FRESH);
      Engines.expect(engine.assemble(requests[0]), SectionStatus.FRESH);
    }

    @TearDown(Level.Trial)
    public void close() {
      engine.close();
    }
  }

  @Benchmark
  public IntroPage warmPage(Warm warm, Cursor cursor) {
    return warm.engine.assemble(warm.requests[cursor.next()]);
  }

  @Benchmark
  public IntroPage coldPage(Cold cold, Cursor cursor) {
    return cold.engine.assemble(cold.requests[cursor.next()]);
  }
}
