package dev.intropage.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Runs subtasks in their own threads and confines their lifetime to a block of code, with the
 * contract of the JDK's {@code StructuredTaskScope} (a preview API through JDK 26, which a library
 * must not demand): {@link #fork} starts a subtask, {@link #joinUntil} waits until every subtask is
 * done or its deadline has passed, and {@link #close} cancels what is unfinished and waits for it
 * to stop. Only the thread that opened the scope may fork, join or close it.
 *
 * <p>Each subtask may have its own deadline; a subtask still running at its deadline, or at the
 * deadline given to {@code joinUntil}, is marked {@link State#TIMED_OUT} and interrupted. Deadlines
 * are {@link System#nanoTime()} values, because waiting happens in real time.
 *
 * {@snippet :
 * try (var scope = new StructuredScope<String>(Thread.ofVirtual().factory())) {
 *   var a = scope.fork(() -> loadA(), deadline);
 *   var b = scope.fork(() -> loadB(), deadline);
 *   scope.joinUntil(deadline);
 *   return a.state() == State.SUCCESS ? a.get() : "fallback";
 * }
 * }
 *
 * <p>Not thread-safe for the owner's calls (they are confined to the owner); subtasks complete
 * concurrently and safely.
 *
 * @param <T> the result type of the subtasks
 */
public final class StructuredScope<T> implements AutoCloseable {

  /** What became of a subtask. */
  public enum State {
    /** Still running. */
    RUNNING,
    /** Returned a result. */
    SUCCESS,
    /** Threw an exception. */
    FAILED,
    /** Was still running at its deadline and was interrupted. */
    TIMED_OUT,
    /** Was still running when the scope closed and was interrupted. */
    CANCELLED
  }

  /** A forked subtask; its result is readable once its state is {@link State#SUCCESS}. */
  public static final class Subtask<T> {
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final long deadlineNanos;
    private final Callable<? extends T> task;
    private final long startedNanos = System.nanoTime();
    private volatile long endedNanos;
    private @Nullable Thread thread;
    private volatile @Nullable T result;
    private volatile @Nullable Throwable exception;
    private volatile boolean ownDeadlineReached;

    Subtask(Callable<? extends T> task, long deadlineNanos) {
      this.task = task;
      this.deadlineNanos = deadlineNanos;
    }

    /** Returns what has become of the subtask so far. */
    public State state() {
      return state.get();
    }

    /**
     * Returns whether the subtask was interrupted because its own deadline passed, rather than the
     * owner's join deadline or the scope's closing; set before its thread is interrupted, so the
     * subtask itself can read it once it sees the interrupt.
     */
    public boolean reachedOwnDeadline() {
      return ownDeadlineReached;
    }

    /** Returns the {@link System#nanoTime()} at which the subtask times out. */
    public long deadlineNanos() {
      return deadlineNanos;
    }

    /** Returns how long the subtask ran, or has run so far if it is still running. */
    public long elapsedNanos() {
      return (state.get() == State.RUNNING ? System.nanoTime() : endedNanos) - startedNanos;
    }

    /**
     * Returns the subtask's result.
     *
     * @throws IllegalStateException if the subtask did not succeed
     */
    public T get() {
      T value = result;
      if (state.get() != State.SUCCESS || value == null) {
        throw new IllegalStateException("subtask did not succeed: " + state.get());
      }
      return value;
    }

    /**
     * Returns the exception the subtask threw.
     *
     * @throws IllegalStateException if the subtask did not fail
     */
    public Throwable exception() {
      Throwable failure = exception;
      if (state.get() != State.FAILED || failure == null) {
        throw new IllegalStateException("subtask did not fail: " + state.get());
      }
      return failure;
    }
  }

  private final ThreadFactory threadFactory;
  private final Thread owner = Thread.currentThread();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Subtask<T>> subtasks = new ArrayList<>();
  private final AtomicInteger unfinished = new AtomicInteger();
  private boolean closed;

  /**
   * Opens a scope owned by the current thread.
   *
   * @param threadFactory makes one thread per subtask; virtual threads suit best
   */
  public StructuredScope(ThreadFactory threadFactory) {
    this.threadFactory = requireNonNull(threadFactory, "threadFactory");
  }

  /**
   * Starts a subtask in a new thread.
   *
   * @param task what to run; it should stop promptly when interrupted
   * @param deadlineNanos the {@link System#nanoTime()} at which the subtask times out
   * @return the subtask, to read once joined
   * @throws WrongThreadException if the caller is not the owner
   * @throws IllegalStateException if the scope is closed
   * @throws RejectedExecutionException if the thread factory makes no thread
   */
  public Subtask<T> fork(Callable<? extends T> task, long deadlineNanos) {
    requireNonNull(task, "task");
    return start(new Subtask<>(task, deadlineNanos));
  }

  /** A subtask's work that is handed its own {@link Subtask}, to learn why it was interrupted. */
  @FunctionalInterface
  public interface Task<T> {
    /** Runs the work. */
    T call(Subtask<T> self) throws Exception;
  }

  /**
   * Starts a subtask in a new thread, handing the task its own subtask.
   *
   * @see #fork(Callable, long)
   */
  public Subtask<T> fork(Task<T> task, long deadlineNanos) {
    requireNonNull(task, "task");
    AtomicReference<@Nullable Subtask<T>> self = new AtomicReference<>();
    Subtask<T> subtask = new Subtask<>(() -> task.call(requireNonNull(self.get())), deadlineNanos);
    self.set(subtask);
    return start(subtask);
  }

  private Subtask<T> start(Subtask<T> subtask) {
    ensureOwner();
    if (closed) {
      throw new IllegalStateException("scope is closed");
    }
    Thread thread = threadFactory.newThread(() -> run(subtask));
    if (thread == null) {
      throw new RejectedExecutionException("thread factory made no thread");
    }
    subtask.thread = thread;
    subtasks.add(subtask);
    unfinished.incrementAndGet();
    thread.start();
    return subtask;
  }

  private void run(Subtask<T> subtask) {
    try {
      T value = subtask.task.call();
      if (value == null) {
        throw new NullPointerException("subtask returned null");
      }
      subtask.result = value;
      finish(subtask, State.SUCCESS);
    } catch (Throwable failure) {
      subtask.exception = failure;
      finish(subtask, State.FAILED);
    }
  }

  private void finish(Subtask<T> subtask, State state) {
    if (subtask.state.get() == State.RUNNING) {
      subtask.endedNanos = System.nanoTime();
    }
    if (subtask.state.compareAndSet(State.RUNNING, state)) {
      ended();
    }
  }

  /** Counts a subtask out; only the last one wakes the owner, so a wide join is not quadratic. */
  private void ended() {
    if (unfinished.decrementAndGet() == 0) {
      lock.lock();
      try {
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Waits until every subtask has finished, or has reached its own deadline, or the given deadline
   * has passed; subtasks still running at their deadline are marked timed out and interrupted.
   *
   * @param deadlineNanos the {@link System#nanoTime()} after which no subtask is waited for
   * @throws InterruptedException if the owner is interrupted while waiting
   * @throws WrongThreadException if the caller is not the owner
   */
  public void joinUntil(long deadlineNanos) throws InterruptedException {
    ensureOwner();
    lock.lock();
    try {
      long nextDeadline = 0;
      boolean scan = true;
      while (unfinished.get() > 0) {
        long now = System.nanoTime();
        if (now - deadlineNanos >= 0) {
          for (Subtask<T> subtask : subtasks) {
            interrupt(subtask, State.TIMED_OUT, now - subtask.deadlineNanos >= 0);
          }
          return;
        }
        if (scan || now - nextDeadline >= 0) {
          scan = false;
          nextDeadline = deadlineNanos;
          for (Subtask<T> subtask : subtasks) {
            if (subtask.state.get() != State.RUNNING) {
              continue;
            }
            if (now - subtask.deadlineNanos >= 0) {
              interrupt(subtask, State.TIMED_OUT, true);
            } else if (subtask.deadlineNanos - nextDeadline < 0) {
              nextDeadline = subtask.deadlineNanos;
            }
          }
          continue;
        }
        changed.awaitNanos(nextDeadline - now);
      }
    } finally {
      lock.unlock();
    }
  }

  private void interrupt(Subtask<?> subtask, State state, boolean ownDeadline) {
    Thread thread = subtask.thread;
    if (subtask.state.get() == State.RUNNING) {
      subtask.endedNanos = System.nanoTime();
    }
    if (subtask.state.compareAndSet(State.RUNNING, state)) {
      subtask.ownDeadlineReached = ownDeadline;
      ended();
      requireNonNull(thread).interrupt();
    }
  }

  /**
   * Cancels every unfinished subtask (interrupting its thread) and waits until all threads of the
   * scope have ended, so that none outlives the scope. Closing twice does nothing.
   *
   * @throws WrongThreadException if the caller is not the owner
   */
  @Override
  public void close() {
    ensureOwner();
    if (closed) {
      return;
    }
    closed = true;
    for (Subtask<T> subtask : subtasks) {
      interrupt(subtask, State.CANCELLED, false);
    }
    boolean interrupted = false;
    for (Subtask<T> subtask : subtasks) {
      Thread thread = requireNonNull(subtask.thread);
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void ensureOwner() {
    if (Thread.currentThread() != owner) {
      throw new WrongThreadException("only the thread that opened the scope may use it");
    }
  }
}
