package dev.intropage.core;

import dev.intropage.core.internal.StructuredScope;
import dev.intropage.core.internal.StructuredScope.Subtask;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads section values from their sources into the cache: one load per entry at a time, shared by
 * every page that misses it meanwhile (single flight), and refreshes of stale entries in the
 * background. A load that was running when an invalidation came does not put its value back.
 * Thread-safe.
 */
final class SectionLoader {
  private final SectionCache cache;
  private final Clock clock;
  private final Listeners listeners;
  private final ThreadFactory threadFactory;
  private final ExecutorService refresher;
  private final LoadSlots loadSlots;
  private final ConcurrentHashMap<SectionCache.Key, Flight> flights = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();

  SectionLoader(
      SectionCache cache,
      Clock clock,
      Listeners listeners,
      ThreadFactory threadFactory,
      ExecutorService refresher,
      LoadSlots loadSlots) {
    this.cache = cache;
    this.clock = clock;
    this.listeners = listeners;
    this.threadFactory = threadFactory;
    this.refresher = refresher;
    this.loadSlots = loadSlots;
  }

  /**
   * Joins a load of the same entry already in flight, or becomes the one that loads it; a shared
   * load that was cancelled (its page ended) is taken over while this page's deadline allows.
   */
  SectionCache.Entry load(
      SectionRunner<?> runner,
      SectionCache.Key key,
      SectionContext context,
      long deadline,
      SectionRunner.Cutoff cutoff)
      throws Exception {
    while (true) {
      Flight mine = new Flight(epoch.get());
      Flight running = flights.putIfAbsent(key, mine);
      if (running == null) {
        return fly(runner, key, context, mine, false, cutoff);
      }
      try {
        return running.result.get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof CancellationException) || deadline - System.nanoTime() <= 0) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      } catch (CancellationException e) {
        if (deadline - System.nanoTime() <= 0) {
          throw e;
        }
      }
    }
  }

  /**
   * Loads from the origin for everyone waiting on the flight, and caches the value; a refresh that
   * finds no free load slot cancels the flight, so that a page waiting on it loads by itself.
   */
  private SectionCache.Entry fly(
      SectionRunner<?> runner,
      SectionCache.Key key,
      SectionContext context,
      Flight flight,
      boolean background,
      SectionRunner.Cutoff cutoff)
      throws Exception {
    try {
      SectionCache.Entry cached = cache.get(key);
      if (cached != null
          && SectionCache.age(cached, clock.instant()).compareTo(runner.policy.cacheTtl()) < 0) {
        // Another flight finished between this page's cache check and this flight's start.
        flight.result.complete(cached);
        return cached;
      }
      Object value = runner.loadFromOrigin(context, background, cutoff);
      Instant loadedAt = clock.instant();
      SectionCache.Entry entry = new SectionCache.Entry(value, loadedAt, runner.policy.retention());
      if (epoch.get() == flight.epoch && !runner.policy.retention().isZero()) {
        cache.put(key, entry);
      }
      flight.result.complete(entry);
      return entry;
    } catch (Throwable failure) {
      flight.result.completeExceptionally(
          Thread.currentThread().isInterrupted()
                  || failure instanceof InterruptedException
                  || failure instanceof SectionRunner.NoLoadSlotSignal
              ? new CancellationException("load interrupted or not started")
              : failure);
      throw failure;
    } finally {
      flights.remove(key, flight);
    }
  }

  /**
   * Starts a background refresh of a stale entry, unless a load of it is already in flight or no
   * load slot is free; a refresh not started counts as a failed one, and the next page tries again.
   * Checking for a slot first spares the threads of a refresh that could not load anyway, which
   * under load would otherwise be started for every page served stale.
   */
  void refresh(SectionRunner<?> runner, SectionCache.Key key, SectionContext context) {
    if (!loadSlots.anyFree()) {
      listeners.refreshFinished(runner.key, false);
      return;
    }
    Flight flight = new Flight(epoch.get());
    if (flights.putIfAbsent(key, flight) != null) {
      return;
    }
    try {
      refresher.execute(
          () -> {
            long deadline = System.nanoTime() + runner.policy.timeout().toNanos();
            boolean succeeded;
            try (var scope = new StructuredScope<Object>(threadFactory)) {
              Subtask<Object> load =
                  scope.fork(
                      self ->
                          fly(
                              runner,
                              key,
                              context,
                              flight,
                              true,
                              SectionRunner.Cutoff.of(self, true)),
                      deadline);
              try {
                scope.joinUntil(deadline);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              succeeded = load.state() == StructuredScope.State.SUCCESS;
            }
            if (!flight.result.isDone()) {
              flight.result.completeExceptionally(new CancellationException("refresh timed out"));
            }
            listeners.refreshFinished(runner.key, succeeded);
          });
    } catch (RejectedExecutionException closed) {
      flights.remove(key, flight);
      flight.result.cancel(false);
    }
  }

  /** Forgets loads in flight that the invalidation matches; their values are not cached. */
  void invalidate(Invalidation invalidation) {
    epoch.incrementAndGet();
    flights
        .keySet()
        .removeIf(key -> invalidation.matches(key.section(), key.scope(), key.scopeKey()));
  }

  /** A load in progress that concurrent pages share. */
  private static final class Flight {
    final long epoch;
    final CompletableFuture<SectionCache.Entry> result = new CompletableFuture<>();

    Flight(long epoch) {
      this.epoch = epoch;
    }
  }
}
