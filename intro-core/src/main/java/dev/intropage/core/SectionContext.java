package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy.CacheScope;
import dev.intropage.core.model.UserProfile;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a section source is told when it loads: who is viewing, the time of the page, and the
 * sections the engine has. Immutable.
 */
public final class SectionContext {
  private final UserProfile viewer;
  private final Instant now;
  private final Supplier<List<SectionHealth>> sections;

  /** Creates a context for an engine that has no sections besides the one loading. */
  public SectionContext(UserProfile viewer, Instant now) {
    this(viewer, now, List::of);
  }

  SectionContext(UserProfile viewer, Instant now, Supplier<List<SectionHealth>> sections) {
    this.viewer = requireNonNull(viewer, "viewer");
    this.now = requireNonNull(now, "now");
    this.sections = sections;
  }

  /** Returns the viewer; a {@link CacheScope#GLOBAL global} section should not depend on it. */
  public UserProfile viewer() {
    return viewer;
  }

  /** Returns the instant the page is assembled for, by the engine's clock. */
  public Instant now() {
    return now;
  }

  /**
   * Returns every section the engine has, in registration order, with its criticality and the state
   * of its circuit breaker at the moment of the call.
   */
  public List<SectionHealth> sections() {
    return sections.get();
  }

  @Override
  public String toString() {
    return "SectionContext[viewer=" + viewer.id() + ", now=" + now + "]";
  }
}
