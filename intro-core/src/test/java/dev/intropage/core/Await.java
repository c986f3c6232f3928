package dev.intropage.core;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what other threads do. */
final class Await {
  private Await() {}

  /** Polls until the condition holds; the condition, not the time, is what the test asserts. */
  static void until(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - until > 0) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(1);
    }
  }
}
