package dev.intropage.core;

import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The engine-wide limit on origin loads ({@link IntroPageEngine.Builder#maxConcurrentLoads}), one
 * fair semaphore shared by every section and by viewer lookups; no semaphore when unlimited.
 * Thread-safe.
 */
final class LoadSlots {
  /** A load that holds a slot while it runs, told whether it had to wait for the slot. */
  @FunctionalInterface
  interface Load<T> {
    T run(boolean waited) throws Exception;
  }

  private final @Nullable Semaphore slots;
  private final OptionalInt limit;

  private LoadSlots(@Nullable Semaphore slots, OptionalInt limit) {
    this.slots = slots;
    this.limit = limit;
  }

  static LoadSlots unlimited() {
    return new LoadSlots(null, OptionalInt.empty());
  }

  static LoadSlots of(int slots) {
    return new LoadSlots(new Semaphore(slots, true), OptionalInt.of(slots));
  }

  /**
   * Runs a page's load once a slot is free, waiting in arrival order; an interrupt while waiting
   * (the page's deadline) ends the wait with {@link InterruptedException} before the load runs.
   */
  <T> T waitFor(Load<T> load) throws Exception {
    Semaphore free = slots;
    if (free == null) {
      return load.run(false);
    }
    // A zero-time try honours the fair order, unlike tryAcquire().
    boolean waited = !free.tryAcquire(0, TimeUnit.NANOSECONDS);
    if (waited) {
      free.acquire();
    }
    try {
      return load.run(waited);
    } finally {
      free.release();
    }
  }

  /**
   * Runs a background refresh if a slot is free now, ahead of pages waiting for one.
   *
   * <p>Barging on purpose. A refresh that waited behind pages would never start while pages wait:
   * its entry then outlives stale-while-revalidate and becomes one more page waiting for a load,
   * which under load feeds itself; a refresh that goes first keeps entries from expiring.
   *
   * @throws SectionRunner.NoLoadSlotSignal if no slot is free
   */
  <T> T ifFree(Load<T> load) throws Exception {
    Semaphore free = slots;
    if (free == null) {
      return load.run(false);
    }
    if (!free.tryAcquire()) {
      throw new SectionRunner.NoLoadSlotSignal();
    }
    try {
      return load.run(false);
    } finally {
      free.release();
    }
  }

  /** Returns whether a load could take a slot now without waiting. */
  boolean anyFree() {
    Semaphore free = slots;
    return free == null || free.availablePermits() > 0;
  }

  /** Returns how many loads may run at once, or empty when unlimited. */
  OptionalInt limit() {
    return limit;
  }

  /** Returns about how many loads wait for a slot. */
  int waiting() {
    Semaphore free = slots;
    return free == null ? 0 : free.getQueueLength();
  }
}
