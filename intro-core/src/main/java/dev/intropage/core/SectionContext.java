package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserProfile;
import java.time.Instant;

/**
 * What a section source is told when it loads: who is viewing and the time of the page.
 *
 * @param viewer the viewer; a {@link CacheScope#GLOBAL global} section should not depend on it
 * @param now the instant the page is assembled for, by the engine's clock
 */
public record SectionContext(UserProfile viewer, Instant now) {
  /** Validates the context. */
  public SectionContext {
    requireNonNull(viewer, "viewer");
    requireNonNull(now, "now");
  }
}
