package dev.intropage.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's periodic tasks on one daemon thread, such as reading the schema's state and purging
 * old idempotency records. A task that fails logs it and runs again at its next time, rather than
 * ending its schedule, as an executor does with a task that throws. Thread-safe.
 */
final class Housekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("intro-housekeeping").daemon(true).factory());

  /** Runs the task after the delay and then every period, until closed. */
  void every(String what, long initialDelay, long period, TimeUnit unit, Runnable task) {
    var unused =
        executor.scheduleWithFixedDelay(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.toString());
              }
            },
            initialDelay,
            period,
            unit);
  }

  /** Stops every task, interrupting one that runs. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
