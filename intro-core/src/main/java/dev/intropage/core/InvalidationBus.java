package dev.intropage.core;

import java.util.function.Consumer;

/**
 * Carries invalidations between engines, so that dropping a user's cache on one instance drops it
 * on all. Implementations must be thread-safe and may deliver an invalidation to its own publisher
 * too; applying one twice is harmless.
 */
public interface InvalidationBus {
  /** Sends an invalidation to every subscriber, on this instance and others. */
  void publish(Invalidation invalidation);

  /**
   * Delivers every invalidation published from now on to the listener, until the returned handle is
   * closed.
   */
  Subscription subscribe(Consumer<Invalidation> listener);

  /** Ends a subscription; closing twice does nothing. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Returns a bus that reaches the engines of this process only. */
  static InvalidationBus inProcess() {
    return new InProcessInvalidationBus();
  }
}
