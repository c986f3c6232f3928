package dev.intropage.core;

import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.model.UserId;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

/**
 * Calls the embedder's listeners in the order they were added and keeps their exceptions away from
 * the page. Thread-safe.
 */
final class Listeners {
  private static final System.Logger LOG = System.getLogger(IntroPageEngine.class.getName());

  private final EngineListener[] listeners;

  Listeners(List<EngineListener> listeners) {
    this.listeners = listeners.toArray(EngineListener[]::new);
  }

  void sectionStarted(SectionKey<?> section, UserId user) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.sectionStarted(section, user));
    }
  }

  void sectionFinished(SectionKey<?> section, UserId user, SectionStatus status, Duration elapsed) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.sectionFinished(section, user, status, elapsed));
    }
  }

  void cacheHit(SectionKey<?> section) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.cacheHit(section));
    }
  }

  void cacheMiss(SectionKey<?> section) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.cacheMiss(section));
    }
  }

  void cacheStale(SectionKey<?> section) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.cacheStale(section));
    }
  }

  void refreshFinished(SectionKey<?> section, boolean succeeded) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.refreshFinished(section, succeeded));
    }
  }

  void breakerTransition(SectionKey<?> section, BreakerState from, BreakerState to) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.breakerTransition(section, from, to));
    }
  }

  void pageFinished(IntroPage page) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.pageFinished(page));
    }
  }

  void pageFailed(UserId user, Duration elapsed, RuntimeException failure) {
    for (EngineListener listener : listeners) {
      safely(() -> listener.pageFailed(user, elapsed, failure));
    }
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "engine listener failed; ignored", e);
    }
  }
}
