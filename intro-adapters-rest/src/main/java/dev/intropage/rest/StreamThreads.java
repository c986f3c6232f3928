package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The threads of the event streams: one thread keeps time (heartbeats, delayed re-assembly) and
 * hands the work to a new thread per task, so no thread waits on a stream and a slow client holds
 * up only its own task. Both are virtual threads by default.
 *
 * <p>Thread-safe.
 */
final class StreamThreads {
  private final ScheduledExecutorService timer;
  private final ExecutorService workers;

  /** Creates the threads as virtual threads named {@code intro-events-...}. */
  StreamThreads() {
    this(
        Thread.ofVirtual().name("intro-events-timer").factory(),
        Thread.ofVirtual().name("intro-events-", 0).factory());
  }

  StreamThreads(ThreadFactory timer, ThreadFactory workers) {
    this.timer = Executors.newSingleThreadScheduledExecutor(requireNonNull(timer, "timer"));
    this.workers = Executors.newThreadPerTaskExecutor(requireNonNull(workers, "workers"));
  }

  /**
   * Runs the tick on the timer's thread every period, the first time one period from now; a tick
   * should only hand work to {@link #run(Runnable)}.
   *
   * @throws RejectedExecutionException once the timer is stopped
   */
  void every(Duration period, Runnable tick) {
    long nanos = period.toNanos();
    var unused = timer.scheduleAtFixedRate(tick, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Runs the task on a worker once the delay has passed.
   *
   * @throws RejectedExecutionException once the timer is stopped
   */
  void after(Duration delay, Runnable task) {
    var unused = timer.schedule(() -> run(task), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Runs the task on a worker now; once {@link #finish(Duration)} has begun, the task is dropped,
   * as whoever finishes takes care of what the task would have done.
   */
  void run(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException finishing) {
      // dropped, as documented
    }
  }

  /** Stops the timer: no tick or delayed task runs any more. */
  void stopTimer() {
    timer.shutdownNow();
  }

  /**
   * Lets the workers finish the tasks they have, waiting at most the grace, then interrupts those
   * still running; no new task is taken.
   *
   * @return whether every task finished within the grace
   */
  boolean finish(Duration grace) {
    workers.shutdown();
    try {
      if (workers.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    return false;
  }
}
