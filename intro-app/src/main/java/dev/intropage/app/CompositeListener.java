package dev.intropage.app;

import dev.intropage.core.EngineListener;
import dev.intropage.core.IntroPage;
import dev.intropage.core.SectionHealth.BreakerState;
import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionStatus;
import dev.intropage.core.model.UserId;
import java.time.Duration;
import java.util.List;

/** Hands every engine event to several listeners in turn. */
final class CompositeListener implements EngineListener {
  private final List<EngineListener> listeners;

  CompositeListener(EngineListener... listeners) {
    this.listeners = List.of(listeners);
  }

  @Override
  public void sectionStarted(SectionKey<?> section, UserId user) {
    listeners.forEach(l -> l.sectionStarted(section, user));
  }

  @Override
  public void sectionFinished(
      SectionKey<?> section, UserId user, SectionStatus status, Duration elapsed) {
    listeners.forEach(l -> l.sectionFinished(section, user, status, elapsed));
  }

  @Override
  public void cacheHit(SectionKey<?> section) {
    listeners.forEach(l -> l.cacheHit(section));
  }

  @Override
  public void cacheMiss(SectionKey<?> section) {
    listeners.forEach(l -> l.cacheMiss(section));
  }

  @Override
  public void cacheStale(SectionKey<?> section) {
    listeners.forEach(l -> l.cacheStale(section));
  }

  @Override
  public void refreshFinished(SectionKey<?> section, boolean succeeded) {
    listeners.forEach(l -> l.refreshFinished(section, succeeded));
  }

  @Override
  public void breakerTransition(SectionKey<?> section, BreakerState from, BreakerState to) {
    listeners.forEach(l -> l.breakerTransition(section, from, to));
  }

  @Override
  public void pageFinished(IntroPage page) {
    listeners.forEach(l -> l.pageFinished(page));
  }

  @Override
  public void pageFailed(UserId user, Duration elapsed, RuntimeException failure) {
    listeners.forEach(l -> l.pageFailed(user, elapsed, failure));
  }
}
