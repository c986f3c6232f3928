package dev.intropage.bench;

import dev.intropage.core.IntroPage;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.PageRequest;
import dev.intropage.core.SectionSource;
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
 * How long a page takes when each of its six sources waits 20 ms ({@code Thread.sleep(20)}, as a
 * remote call would), caching off, through {@link IntroPageEngine#assemble}: loaded in parallel, a
 * page should take little more than one source, not six. Sampled, so JMH prints the p50, p90 and
 * p99 of the page time. Target: p50 at most 22 ms, that is a parallel efficiency (20 ms / p50) of
 * at least 0.9.
 *
 * <p>Run, from the repository root after {@code ./mvnw -o -q -pl intro-bench -am package
 * -DskipTests}:
 *
 * <pre>
 * java -jar intro-bench/target/benchmarks.jar SlowSourcesBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s \
 *     -rf json -rff docs/bench/slow-sources.json
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class SlowSourcesBenchmark {
  /** How long each source waits, in milliseconds. */
  static final long SOURCE_MILLIS = 20;

  private final PageRequest[] requests = Users.requests();
  private final IntroPageEngine engine =
      Engines.engine(Engines.uncached(), SlowSourcesBenchmark::slow);

  private static SectionSource<Long> slow(int source) {
    return context -> {
      Thread.sleep(SOURCE_MILLIS);
      return Users.hash(context.viewer().id(), source);
    };
  }

  /** Checks that every section is loaded, none timed out or served from a cache. */
  @Setup(Level.Trial)
  public void check() {
    Engines.expect(engine.assemble(requests[0]), SectionStatus.FRESH);
  }

  @TearDown(Level.Trial)
  public void close() {
    engine.close();
  }

  @Benchmark
  public IntroPage page(Cursor cursor) {
    return engine.assemble(requests[cursor.next()]);
  }
}
