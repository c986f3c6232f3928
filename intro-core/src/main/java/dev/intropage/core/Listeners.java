package dev.intropage.core;

import dev.intropage.core.model.UserId;
import java.lang.System.Logger.Level;
import java.time.Duration;

/** Calls the embedder's listener and keeps its exceptions away from the page. Thread-safe. */
final class Listeners {
  private static final System.Logger LOG = System.getLogger(IntroPageEngine.class.getName());

  private final EngineListener listener;

  Listeners(EngineListener listener) {
    this.listener = listener;
  }

  void sectionStarted(SectionKey<?> section, UserId user) {
    safely(() -> listener.sectionStarted(section, user));
  }

  void sectionFinished(SectionKey<?> section, UserId user, SectionStatus status, Duration elapsed) {
    safely(() -> listener.sectionFinished(section, user, status, elapsed));
  }

  void cacheHit(SectionKey<?> section) {
    safely(() -> listener.cacheHit(section));
  }

  void cacheMiss(SectionKey<?> section) {
    safely(() -> listener.cacheMiss(section));
  }

  void cacheStale(SectionKey<?> section) {
    safely(() -> listener.cacheStale(section));
  }

  void refreshFinished(SectionKey<?> section, boolean succeeded) {
    safely(() -> listener.refreshFinished(section, succeeded));
  }

  void breakerTransition(SectionKey<?> section, BreakerState from, BreakerState to) {
    safely(() -> listener.breakerTransition(section, from, to));
  }

  void pageFinished(IntroPage page) {
    safely(() -> listener.pageFinished(page));
  }

  void pageFailed(UserId user, Duration elapsed, RuntimeException failure) {
    safely(() -> listener.pageFailed(user, elapsed, failure));
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "engine listener failed; ignored", e);
    }
  }
}
