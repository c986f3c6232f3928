package dev.intropage.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/** Makes virtual or platform threads and remembers them, so tests can see none is left. */
final class TrackingThreadFactory implements ThreadFactory {
  private final ThreadFactory delegate;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private TrackingThreadFactory(ThreadFactory delegate) {
    this.delegate = delegate;
  }

  static TrackingThreadFactory of(ThreadMode mode) {
    return new TrackingThreadFactory(
        mode == ThreadMode.VIRTUAL
            ? Thread.ofVirtual().name("test-virtual-", 0).factory()
            : Thread.ofPlatform().name("test-platform-", 0).daemon().factory());
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = delegate.newThread(task);
    threads.add(thread);
    return thread;
  }

  List<Thread> alive() {
    return threads.stream().filter(Thread::isAlive).toList();
  }

  int started() {
    return threads.size();
  }

  enum ThreadMode {
    VIRTUAL,
    PLATFORM
  }
}
