package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event streams' threads: a timer that hands work to a thread per task, and their ending. */
@Timeout(10)
class StreamThreadsTest {
  private StreamThreads threads = new StreamThreads();

  @AfterEach
  void stop() {
    threads.stopTimer();
    threads.finish(Duration.ZERO);
  }

  private void use(boolean virtual) {
    threads.stopTimer();
    threads.finish(Duration.ZERO);
    threads =
        virtual
            ? new StreamThreads()
            : new StreamThreads(
                Thread.ofPlatform().daemon().name("timer").factory(),
                Thread.ofPlatform().daemon().name("worker-", 0).factory());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void after_runsTheTaskOnAWorker_onceTheDelayHasPassed(boolean virtual) throws Exception {
    use(virtual);
    CountDownLatch ran = new CountDownLatch(1);
    AtomicReference<Thread> runner = new AtomicReference<>();
    long start = System.nanoTime();

    threads.after(
        Duration.ofMillis(50),
        () -> {
          runner.set(Thread.currentThread());
          ran.countDown();
        });

    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(runner.get().isVirtual()).isEqualTo(virtual);
    assertThat(runner.get().getName()).isNotIn("intro-events-timer", "timer");
  }

  @Test
  void every_ticksAgainAndAgain() throws Exception {
    CountDownLatch ticks = new CountDownLatch(3);

    threads.every(Duration.ofMillis(10), ticks::countDown);

    assertThat(ticks.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void stopTimer_refusesNewTimedWork() {
    threads.stopTimer();

    assertThatThrownBy(() -> threads.after(Duration.ZERO, () -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(() -> threads.every(Duration.ofMillis(10), () -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void stopTimer_delayedTaskNotYetDue_neverRuns() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    threads.after(Duration.ofMillis(100), () -> ran.set(true));

    threads.stopTimer();
    Thread.sleep(200);

    assertThat(ran).isFalse();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void finish_waitsForTheRunningTasks(boolean virtual) {
    use(virtual);
    AtomicBoolean done = new AtomicBoolean();
    threads.run(
        () -> {
          try {
            Thread.sleep(100);
            done.set(true);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    assertThat(threads.finish(Duration.ofSeconds(5))).isTrue();
    assertThat(done).isTrue();
  }

  @Test
  void finish_aTaskOutlastsTheGrace_isInterruptedAndFinishSaysSo() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    threads.run(
        () -> {
          started.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        });
    started.await();

    assertThat(threads.finish(Duration.ofMillis(50))).isFalse();
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void run_afterFinish_isDropped() throws Exception {
    threads.finish(Duration.ZERO);
    AtomicBoolean ran = new AtomicBoolean();

    threads.run(() -> ran.set(true));
    Thread.sleep(50);

    assertThat(ran).isFalse();
  }
}
