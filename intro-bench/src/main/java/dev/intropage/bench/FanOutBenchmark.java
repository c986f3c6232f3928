package dev.intropage.bench;

import dev.intropage.core.model.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
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
 * What it costs to fan out to {@code width} instant sources and gather their results, by {@code
 * strategy}: a new virtual thread per source, as the engine forks its loads, a fixed pool of {@code
 * 2 × availableProcessors} platform threads with {@code invokeAll} and a timeout, or one source
 * after another on the caller's thread. Each source hashes the id of the next user of a shuffled
 * pool of 1,024; the operation returns the sum, so nothing is dead code. The sequential figure is
 * the floor; the gap above it is the price of parallelism, paid back only when sources wait (see
 * {@link SlowSourcesBenchmark}).
 *
 * <p>Run, from the repository root after {@code ./mvnw -o -q -pl intro-bench -am package
 * -DskipTests}:
 *
 * <pre>
 * java -jar intro-bench/target/benchmarks.jar FanOutBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s \
 *     -prof gc -rf json -rff docs/bench/fan-out.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FanOutBenchmark {
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** How the sources are run. */
  public enum Strategy {
    /** One new virtual thread per source, as the engine forks its loads. */
    VIRTUAL_THREADS,
    /** A fixed pool of platform threads, {@code invokeAll} with a timeout. */
    PLATFORM_POOL,
    /** On the caller's thread, one after another. */
    SEQUENTIAL
  }

  @Param({"1", "6", "24", "96"})
  public int width;

  @Param({"VIRTUAL_THREADS", "PLATFORM_POOL", "SEQUENTIAL"})
  public Strategy strategy = Strategy.VIRTUAL_THREADS;

  private final UserId[] users = Users.ids();
  private final ThreadFactory virtualThreads = Thread.ofVirtual().name("fan-out-", 0).factory();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 2);

  /** Starts the pool's threads, so the first iteration does not pay for them. */
  @Setup(Level.Trial)
  public void prestart() throws Exception {
    fanOut(users[0]);
  }

  @TearDown(Level.Trial)
  public void close() throws InterruptedException {
    pool.shutdownNow();
    if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("pool did not stop");
    }
  }

  @Benchmark
  public long fanOut(Cursor cursor) throws Exception {
    return fanOut(users[cursor.next()]);
  }

  private long fanOut(UserId user) throws Exception {
    List<Callable<Long>> sources = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      int source = i;
      sources.add(() -> Users.hash(user, source));
    }
    return switch (strategy) {
      case VIRTUAL_THREADS -> virtual(sources);
      case PLATFORM_POOL -> pooled(sources);
      case SEQUENTIAL -> sequential(sources);
    };
  }

  private long virtual(List<Callable<Long>> sources) throws Exception {
    List<FutureTask<Long>> tasks = new ArrayList<>(sources.size());
    for (Callable<Long> source : sources) {
      FutureTask<Long> task = new FutureTask<>(source);
      virtualThreads.newThread(task).start();
      tasks.add(task);
    }
    long sum = 0;
    for (FutureTask<Long> task : tasks) {
      sum += task.get(TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
    }
    return sum;
  }

  private long pooled(List<Callable<Long>> sources) throws Exception {
    long sum = 0;
    for (Future<Long> future : pool.invokeAll(sources, TIMEOUT_NANOS, TimeUnit.NANOSECONDS)) {
      sum += future.get();
    }
    return sum;
  }

  private static long sequential(List<Callable<Long>> sources) throws Exception {
    long sum = 0;
    for (Callable<Long> source : sources) {
      sum += source.call();
    }
    return sum;
  }
}
