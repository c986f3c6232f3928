package dev.intropage.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Section sources whose behaviour tests switch at will, counting their calls. */
final class Sources {
  private Sources() {}

  /** A source that answers with its current value, fails, or blocks, as the test says. */
  static final class Scripted implements SectionSource<String> {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>();

    Scripted(String value) {
      answer(value);
    }

    void answer(String value) {
      behaviour.set(new Behaviour(value, null, Duration.ZERO, null));
    }

    void answerAfter(String value, Duration delay) {
      behaviour.set(new Behaviour(value, null, delay, null));
    }

    void fail(RuntimeException failure) {
      behaviour.set(new Behaviour(null, failure, Duration.ZERO, null));
    }

    void block() {
      behaviour.set(new Behaviour(null, null, Duration.ZERO, new CompletableFuture<>()));
    }

    void blockUntil(CompletableFuture<String> release) {
      behaviour.set(new Behaviour(null, null, Duration.ZERO, release));
    }

    @Override
    public String load(SectionContext context) throws Exception {
      calls.incrementAndGet();
      Behaviour now = behaviour.get();
      try {
        if (now.delay.isPositive()) {
          Thread.sleep(now.delay);
        }
        if (now.gate != null) {
          return now.gate.get();
        }
      } catch (InterruptedException e) {
        interrupted.set(true);
        throw e;
      }
      if (now.failure != null) {
        throw now.failure;
      }
      return java.util.Objects.requireNonNull(now.value);
    }

    private record Behaviour(
        @org.jspecify.annotations.Nullable String value,
        @org.jspecify.annotations.Nullable RuntimeException failure,
        Duration delay,
        @org.jspecify.annotations.Nullable CompletableFuture<String> gate) {}
  }
}
