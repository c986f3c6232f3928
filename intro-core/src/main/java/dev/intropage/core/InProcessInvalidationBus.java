package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Delivers invalidations synchronously to the subscribers of this process. Thread-safe. */
final class InProcessInvalidationBus implements InvalidationBus {
  private final CopyOnWriteArrayList<Consumer<Invalidation>> listeners =
      new CopyOnWriteArrayList<>();

  @Override
  public void publish(Invalidation invalidation) {
    requireNonNull(invalidation, "invalidation");
    for (Consumer<Invalidation> listener : listeners) {
      listener.accept(invalidation);
    }
  }

  @Override
  public Subscription subscribe(Consumer<Invalidation> listener) {
    requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
