package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.failsafe.Bulkhead;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.event.CircuitBreakerStateChangedEvent;
import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.SectionResult.ValueSource;
import dev.intropage.core.internal.StructuredScope;
import dev.intropage.core.internal.StructuredScope.Subtask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One registered section with the state it keeps across pages: its circuit breaker, its bulkhead
 * and its health; the engine-wide load slots, if the engine limits loads, it shares with the other
 * sections. Thread-safe.
 *
 * <p>Failsafe's breaker measures its open delay with {@code System.nanoTime()}, which a test cannot
 * move; so the breaker is built with a delay it never reaches, and this class half-opens it when
 * the engine's clock says the policy's delay has passed.
 */
final class SectionRunner<T> {
  private static final Duration NEVER = Duration.ofDays(365 * 100);

  final SectionKey<T> key;
  final SectionPolicy policy;

  /** The section's position among the engine's. */
  final int index;

  private final SectionSource<T> source;
  private final @Nullable Function<SectionContext, T> fallback;
  private final @Nullable BiFunction<T, SectionContext, T> adapter;
  private final Clock clock;
  private final Listeners listeners;
  private final CircuitBreaker<Object> breaker;
  private final Bulkhead<Object> bulkhead;
  private final LoadSlots loadSlots;
  private volatile @Nullable Instant openedAt;
  private volatile @Nullable Instant lastSuccess;
  private volatile @Nullable Instant lastFailure;
  private volatile @Nullable String lastErrorCode;

  SectionRunner(
      Section<T> section,
      SectionPolicy policy,
      int index,
      Clock clock,
      Listeners listeners,
      LoadSlots loadSlots) {
    this.key = section.key();
    this.source = section.source();
    this.policy = policy;
    this.index = index;
    this.fallback = section.fallback().orElse(null);
    this.adapter = section.adapter().orElse(null);
    this.clock = clock;
    this.listeners = listeners;
    this.breaker =
        CircuitBreaker.builder()
            .withFailureThreshold(policy.failureThreshold())
            .withSuccessThreshold(1)
            .withDelay(NEVER)
            .onOpen(this::opened)
            .onHalfOpen(this::transition)
            .onClose(this::transition)
            .build();
    this.bulkhead = Bulkhead.of(policy.maxConcurrentLoads());
    this.loadSlots = loadSlots;
  }

  private void opened(CircuitBreakerStateChangedEvent event) {
    openedAt = clock.instant();
    transition(event);
  }

  private void transition(CircuitBreakerStateChangedEvent event) {
    listeners.breakerTransition(key, state(event.getPreviousState()), breakerState());
  }

  /**
   * Loads from the source under the bulkhead, an engine-wide load slot and the breaker; records the
   * outcome of the source's call in the breaker, and nothing else.
   *
   * <p>An open breaker refuses before the load queues for a slot, so that refused loads do not hold
   * up the others. A page's load waits for a slot until it is interrupted (the page's scope does so
   * at the section's deadline); the {@link InterruptedException} then leaves without touching the
   * breaker, because waiting for a local resource is no failure of the source. A background refresh
   * takes a slot only if one is free at that moment, ahead of pages waiting for one, else fails
   * with {@link NoLoadSlotSignal}.
   *
   * @param background whether this refreshes a stale entry that pages are served meanwhile
   * @param cutoff tells, once the load fails, whether its scope interrupted it and why
   */
  T loadFromOrigin(SectionContext context, boolean background, Cutoff cutoff) throws Exception {
    if (!bulkhead.tryAcquirePermit()) {
      throw new BulkheadFullSignal();
    }
    try {
      if (openWithinItsDelay()) {
        throw new CircuitOpenSignal();
      }
      return background
          ? loadSlots.ifFree(waited -> loadUnderBreaker(context, cutoff, waited))
          : loadSlots.waitFor(waited -> loadUnderBreaker(context, cutoff, waited));
    } finally {
      bulkhead.releasePermit();
    }
  }

  private T loadUnderBreaker(SectionContext context, Cutoff cutoff, boolean waited)
      throws Exception {
    if (!breakerPermits()) {
      throw new CircuitOpenSignal();
    }
    listeners.sectionStarted(key, context.viewer().id());
    boolean late = cutoff.remainingNanos() < policy.timeout().toNanos() / 2;
    try {
      T value = requireNonNull(source.load(context), "section source returned null");
      breaker.recordSuccess();
      lastSuccess = clock.instant();
      return value;
    } catch (Throwable failure) {
      // A driver may turn an interrupt into its own exception and clear the flag; the scope knows.
      boolean interrupted =
          Thread.currentThread().isInterrupted()
              || failure instanceof InterruptedException
              || cutoff.interrupted();
      // A source cut short by the page's deadline or end says nothing about the source, nor does
      // one whose timeout ran partly while it waited for a load slot, or one called with less than
      // half its timeout left (its thread got a core late on a saturated machine); one that had
      // its time and outlived it does. A half-open breaker's trial counts either way, so that the
      // breaker never waits on a trial that did not end.
      boolean cutShort = interrupted && (waited || late || !cutoff.byOwnTimeout());
      if (!cutShort || breaker.isHalfOpen()) {
        breaker.recordFailure();
      }
      lastFailure = clock.instant();
      lastErrorCode = interrupted ? "SECTION_TIMEOUT" : "SECTION_FAILED";
      throw failure;
    }
  }

  /** Whether the breaker is open and its delay, by the engine's clock, has not yet passed. */
  private boolean openWithinItsDelay() {
    Instant opened = openedAt;
    return breaker.isOpen()
        && opened != null
        && clock.instant().isBefore(opened.plus(policy.breakerDelay()));
  }

  private boolean breakerPermits() {
    Instant opened = openedAt;
    if (breaker.isOpen()
        && opened != null
        && !clock.instant().isBefore(opened.plus(policy.breakerDelay()))) {
      breaker.halfOpen();
    }
    return breaker.tryAcquirePermit();
  }

  /** Returns the default value, if the section has one and it can be made. */
  Optional<T> defaultValue(SectionContext context) {
    if (fallback == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(fallback.apply(context));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Adapts a result not fresh from the source to the page serving it, if the section says how. */
  SectionResult<T> servedTo(SectionResult<T> result, SectionContext context) {
    BiFunction<T, SectionContext, T> adapt = adapter;
    if (adapt == null || result.source() == ValueSource.ORIGIN || result.data().isEmpty()) {
      return result;
    }
    T adapted = requireNonNull(adapt.apply(result.data().get(), context), "adapted value");
    return new SectionResult<>(
        key,
        result.status(),
        Optional.of(adapted),
        result.source(),
        result.age(),
        result.elapsed(),
        result.error());
  }

  BreakerState breakerState() {
    return state(breaker.getState());
  }

  private static BreakerState state(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED -> BreakerState.CLOSED;
      case OPEN -> BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
    };
  }

  SectionHealth health() {
    return new SectionHealth(
        key.name(),
        policy.criticality(),
        breakerState(),
        Optional.ofNullable(lastSuccess),
        Optional.ofNullable(lastFailure),
        Optional.ofNullable(lastErrorCode));
  }

  /** What the scope running a load says about whether, and why, it interrupted the load. */
  interface Cutoff {
    /** Whether the scope interrupted the load, for whatever reason. */
    boolean interrupted();

    /** Whether the section's own timeout did it, rather than the page's deadline or end. */
    boolean byOwnTimeout();

    /** Returns how long the load has left until its scope interrupts it. */
    long remainingNanos();

    /**
     * Returns what the subtask running the load knows.
     *
     * @param ownDeadline whether the subtask's deadline is the section's own timeout
     */
    static Cutoff of(Subtask<?> self, boolean ownDeadline) {
      return new Cutoff() {
        @Override
        public boolean interrupted() {
          return self.state() != StructuredScope.State.RUNNING;
        }

        @Override
        public boolean byOwnTimeout() {
          return ownDeadline && self.reachedOwnDeadline();
        }

        @Override
        public long remainingNanos() {
          return self.deadlineNanos() - System.nanoTime();
        }
      };
    }
  }

  /** Thrown inside a load when the breaker refuses the call; never leaves the engine. */
  static final class CircuitOpenSignal extends Exception {
    private static final long serialVersionUID = 1L;

    CircuitOpenSignal() {
      super("circuit open", null, false, false);
    }
  }

  /**
   * Thrown inside a background refresh when the engine-wide load slots are all taken; never leaves
   * the engine.
   */
  static final class NoLoadSlotSignal extends Exception {
    private static final long serialVersionUID = 1L;

    NoLoadSlotSignal() {
      super("no free load slot", null, false, false);
    }
  }

  /** Thrown inside a load when the bulkhead is full; never leaves the engine. */
  static final class BulkheadFullSignal extends Exception {
    private static final long serialVersionUID = 1L;

    BulkheadFullSignal() {
      super("bulkhead full", null, false, false);
    }
  }
}
