package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.SectionResult.ValueSource;
import dev.intropage.core.internal.StructuredScope.Subtask;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One section of one page being assembled: settled at once from the cache, or forked. */
final class Slot<T> {
  private final SectionRunner<T> runner;
  private final @Nullable SectionResult<T> done;
  private final @Nullable Subtask<Object> subtask;
  private final @Nullable SectionCache cache;
  private final SectionCache.@Nullable Key key;
  private final @Nullable SectionStatus failedStatus;
  private final @Nullable SectionError failedError;

  private Slot(
      SectionRunner<T> runner,
      @Nullable SectionResult<T> done,
      @Nullable Subtask<Object> subtask,
      @Nullable SectionCache cache,
      SectionCache.@Nullable Key key,
      @Nullable SectionStatus failedStatus,
      @Nullable SectionError failedError) {
    this.runner = runner;
    this.done = done;
    this.subtask = subtask;
    this.cache = cache;
    this.key = key;
    this.failedStatus = failedStatus;
    this.failedError = failedError;
  }

  static <T> Slot<T> done(
      SectionRunner<T> runner,
      SectionStatus status,
      SectionCache.Entry entry,
      ValueSource source,
      Duration age) {
    SectionResult<T> result =
        new SectionResult<>(
            runner.key,
            status,
            Optional.of(runner.key.type().cast(entry.value)),
            source,
            age,
            Duration.ZERO,
            Optional.empty());
    return new Slot<>(runner, result, null, null, null, null, null);
  }

  static <T> Slot<T> failed(
      SectionRunner<T> runner,
      SectionStatus status,
      SectionError error,
      SectionCache cache,
      SectionCache.Key key) {
    return new Slot<>(runner, null, null, cache, key, status, error);
  }

  static <T> Slot<T> forked(
      SectionRunner<T> runner, Subtask<Object> subtask, SectionCache cache, SectionCache.Key key) {
    return new Slot<>(runner, null, subtask, cache, key, null, null);
  }

  /** Returns whether the slot was settled without a load: from the cache, or shed. */
  boolean settled() {
    return subtask == null;
  }

  SectionRunner<T> runner() {
    return runner;
  }

  SectionResult<T> settle(SectionContext context) {
    if (done != null) {
      return done;
    }
    if (subtask == null) {
      return fallback(context, failedStatus(), failedError(), Duration.ZERO);
    }
    Duration elapsed = Duration.ofNanos(subtask.elapsedNanos());
    switch (subtask.state()) {
      case SUCCESS -> {
        SectionCache.Entry entry = (SectionCache.Entry) subtask.get();
        return new SectionResult<>(
            runner.key,
            SectionStatus.FRESH,
            Optional.of(runner.key.type().cast(entry.value)),
            ValueSource.ORIGIN,
            SectionCache.age(entry, context.now()),
            elapsed,
            Optional.empty());
      }
      case FAILED -> {
        Throwable failure = subtask.exception();
        if (failure instanceof SectionRunner.CircuitOpenSignal) {
          return fallback(
              context, SectionStatus.CIRCUIT_OPEN, SectionError.circuitOpen(runner.key), elapsed);
        }
        if (failure instanceof SectionRunner.BulkheadFullSignal) {
          return runner.policy.criticality() == Criticality.OPTIONAL
              ? fallback(context, SectionStatus.SKIPPED, SectionError.shed(runner.key), elapsed)
              : fallback(
                  context, SectionStatus.FALLBACK, SectionError.bulkheadFull(runner.key), elapsed);
        }
        return fallback(context, SectionStatus.FALLBACK, SectionError.failed(runner.key), elapsed);
      }
      default -> {
        return fallback(
            context,
            SectionStatus.TIMED_OUT,
            SectionError.timeout(runner.key, elapsed.toMillis()),
            elapsed);
      }
    }
  }

  private SectionStatus failedStatus() {
    return requireNonNull(failedStatus);
  }

  private SectionError failedError() {
    return requireNonNull(failedError);
  }

  /**
   * Stands in for a section without fresh data: the last good value within max-stale, else the
   * default, else nothing. A failure with nothing to stand in is {@code FAILED}.
   */
  private SectionResult<T> fallback(
      SectionContext context, SectionStatus status, SectionError error, Duration elapsed) {
    SectionCache.Entry lastGood =
        cache == null || key == null ? null : cache.lastGood(runner, key, context.now());
    if (lastGood != null) {
      return new SectionResult<>(
          runner.key,
          status,
          Optional.of(runner.key.type().cast(lastGood.value)),
          ValueSource.LAST_GOOD,
          SectionCache.age(lastGood, context.now()),
          elapsed,
          Optional.of(error));
    }
    Optional<T> byDefault = runner.defaultValue(context);
    if (byDefault.isPresent()) {
      return new SectionResult<>(
          runner.key,
          status,
          byDefault,
          ValueSource.DEFAULT,
          Duration.ZERO,
          elapsed,
          Optional.of(error));
    }
    SectionStatus without = status == SectionStatus.FALLBACK ? SectionStatus.FAILED : status;
    return new SectionResult<>(
        runner.key,
        without,
        Optional.empty(),
        ValueSource.NONE,
        Duration.ZERO,
        elapsed,
        Optional.of(error));
  }
}
