package dev.intropage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.internal.StructuredScope.State;
import dev.intropage.core.internal.StructuredScope.Subtask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StructuredScopeTest {
  enum Mode {
    VIRTUAL,
    PLATFORM
  }

  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private ThreadFactory factory(Mode mode) {
    ThreadFactory delegate =
        mode == Mode.VIRTUAL ? Thread.ofVirtual().factory() : Thread.ofPlatform().factory();
    return task -> {
      Thread thread = delegate.newThread(task);
      threads.add(thread);
      return thread;
    };
  }

  private static long inMillis(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void join_allSucceed_resultsReadable(Mode mode) throws Exception {
    try (var scope = new StructuredScope<String>(factory(mode))) {
      Subtask<String> a = scope.fork(() -> "a", inMillis(5_000));
      Subtask<String> b = scope.fork(() -> "b", inMillis(5_000));
      scope.joinUntil(inMillis(5_000));
      assertThat(a.state()).isEqualTo(State.SUCCESS);
      assertThat(a.get()).isEqualTo("a");
      assertThat(b.get()).isEqualTo("b");
      assertThat(a.elapsedNanos()).isNotNegative();
      assertThatThrownBy(a::exception).isInstanceOf(IllegalStateException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void join_subtasksRunInParallel(Mode mode) throws Exception {
    CountDownLatch allRunning = new CountDownLatch(4);
    try (var scope = new StructuredScope<Boolean>(factory(mode))) {
      List<Subtask<Boolean>> subtasks =
          java.util.stream.IntStream.range(0, 4)
              .mapToObj(
                  i ->
                      scope.fork(
                          () -> {
                            allRunning.countDown();
                            return allRunning.await(5, TimeUnit.SECONDS);
                          },
                          inMillis(10_000)))
              .toList();
      scope.joinUntil(inMillis(10_000));
      assertThat(subtasks).allSatisfy(subtask -> assertThat(subtask.get()).isTrue());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void join_subtaskThrows_failedWithItsException(Mode mode) throws Exception {
    try (var scope = new StructuredScope<String>(factory(mode))) {
      Subtask<String> failing =
          scope.fork(
              () -> {
                throw new IllegalStateException("boom");
              },
              inMillis(5_000));
      Subtask<String> nothing = scope.fork(() -> null, inMillis(5_000));
      scope.joinUntil(inMillis(5_000));
      assertThat(failing.state()).isEqualTo(State.FAILED);
      assertThat(failing.exception()).hasMessage("boom");
      assertThatThrownBy(failing::get).isInstanceOf(IllegalStateException.class);
      assertThat(nothing.state()).isEqualTo(State.FAILED);
      assertThat(nothing.exception()).isInstanceOf(NullPointerException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void join_subtaskPastItsDeadline_timedOutAndInterrupted(Mode mode) throws Exception {
    AtomicBoolean interrupted = new AtomicBoolean();
    long start = System.nanoTime();
    try (var scope = new StructuredScope<String>(factory(mode))) {
      Subtask<String> slow =
          scope.fork(
              () -> {
                try {
                  Thread.sleep(60_000);
                  return "late";
                } catch (InterruptedException e) {
                  interrupted.set(true);
                  throw e;
                }
              },
              inMillis(50));
      Subtask<String> quick = scope.fork(() -> "quick", inMillis(5_000));
      scope.joinUntil(inMillis(5_000));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(slow.state()).isEqualTo(State.TIMED_OUT);
      assertThat(quick.get()).isEqualTo("quick");
    }
    assertThat(interrupted).isTrue();
    assertThat(threads).noneMatch(Thread::isAlive);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void join_scopeDeadlineBeforeSubtaskDeadline_timesOutEverythingStillRunning(Mode mode)
      throws Exception {
    try (var scope = new StructuredScope<String>(factory(mode))) {
      Subtask<String> never =
          scope.fork(() -> new CompletableFuture<String>().get(), inMillis(60_000));
      scope.joinUntil(inMillis(30));
      assertThat(never.state()).isEqualTo(State.TIMED_OUT);
    }
    assertThat(threads).noneMatch(Thread::isAlive);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void interrupt_tellsTheSubtaskWhetherItsOwnDeadlineDidIt(Mode mode) throws Exception {
    CompletableFuture<Boolean> ownSeen = new CompletableFuture<>();
    CompletableFuture<Boolean> joinSeen = new CompletableFuture<>();
    CompletableFuture<Boolean> closeSeen = new CompletableFuture<>();
    try (var scope = new StructuredScope<String>(factory(mode))) {
      scope.fork(self -> hangThenReport(self, ownSeen), inMillis(20));
      scope.fork(self -> hangThenReport(self, joinSeen), inMillis(60_000));
      scope.joinUntil(inMillis(200));
      try (var closing = new StructuredScope<String>(factory(mode))) {
        closing.fork(self -> hangThenReport(self, closeSeen), inMillis(60_000));
      }
    }
    assertThat(ownSeen.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(joinSeen.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(closeSeen.get(5, TimeUnit.SECONDS)).isFalse();
  }

  private static String hangThenReport(Subtask<String> self, CompletableFuture<Boolean> seen) {
    try {
      new CompletableFuture<String>().get();
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      seen.complete(self.reachedOwnDeadline());
    }
    return "interrupted";
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void close_unfinishedSubtasks_cancelledAndAwaited(Mode mode) {
    CountDownLatch started = new CountDownLatch(1);
    Subtask<String> never;
    try (var scope = new StructuredScope<String>(factory(mode))) {
      never =
          scope.fork(
              () -> {
                started.countDown();
                return new CompletableFuture<String>().get();
              },
              inMillis(60_000));
      try {
        started.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(never.state()).isEqualTo(State.CANCELLED);
    assertThat(threads).isNotEmpty().noneMatch(Thread::isAlive);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void close_ownerInterruptedWhileWaiting_stillWaitsAndKeepsTheInterrupt(Mode mode)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    var scope = new StructuredScope<String>(factory(mode));
    scope.fork(
        () -> {
          while (true) {
            try {
              release.await();
              return "done";
            } catch (InterruptedException ignored) {
              // keeps running on purpose until released, to make close() wait
            }
          }
        },
        inMillis(60_000));
    Thread owner = Thread.currentThread();
    Thread.ofPlatform()
        .start(
            () -> {
              try {
                Thread.sleep(50);
                owner.interrupt();
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });
    scope.close();
    assertThat(Thread.interrupted()).isTrue();
    assertThat(threads).noneMatch(Thread::isAlive);
    scope.close();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void ownerConfinement_otherThreadsAreRefused(Mode mode) throws Exception {
    try (var scope = new StructuredScope<String>(factory(mode))) {
      CompletableFuture<Throwable> fork = new CompletableFuture<>();
      CompletableFuture<Throwable> join = new CompletableFuture<>();
      CompletableFuture<Throwable> close = new CompletableFuture<>();
      Thread.ofVirtual()
          .start(
              () -> {
                fork.complete(catching(() -> scope.fork(() -> "x", inMillis(1_000))));
                join.complete(catching(() -> scope.joinUntil(inMillis(10))));
                close.complete(catching(scope::close));
              })
          .join();
      assertThat(fork.get()).isInstanceOf(WrongThreadException.class);
      assertThat(join.get()).isInstanceOf(WrongThreadException.class);
      assertThat(close.get()).isInstanceOf(WrongThreadException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void fork_afterClose_refused(Mode mode) {
    var scope = new StructuredScope<String>(factory(mode));
    scope.close();
    assertThatThrownBy(() -> scope.fork(() -> "x", inMillis(1_000)))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void fork_factoryMakesNoThread_rejected(Mode mode) {
    try (var scope = new StructuredScope<String>(task -> null)) {
      assertThatThrownBy(() -> scope.fork(() -> "x", inMillis(1_000)))
          .isInstanceOf(RejectedExecutionException.class);
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  private static Throwable catching(Action action) {
    try {
      action.run();
      return new AssertionError("no exception");
    } catch (Exception e) {
      return e;
    }
  }
}
