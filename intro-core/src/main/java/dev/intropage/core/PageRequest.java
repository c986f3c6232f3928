package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What to assemble: whose page, optionally only some sections, optionally a tighter deadline.
 *
 * @param viewer whose page
 * @param sections the names of the sections wanted; empty means all the viewer's layout shows
 * @param deadline overrides the engine's page deadline for this request
 */
public record PageRequest(
    UserId viewer, Optional<Set<String>> sections, Optional<Duration> deadline) {

  /**
   * Validates the request and copies the section names.
   *
   * @throws IllegalArgumentException if the deadline is not positive
   */
  public PageRequest {
    requireNonNull(viewer, "viewer");
    sections = sections.map(Set::copyOf);
    requireNonNull(deadline, "deadline");
    if (deadline.isPresent() && (deadline.get().isNegative() || deadline.get().isZero())) {
      throw new IllegalArgumentException("deadline must be positive");
    }
  }

  /** Returns a request for a viewer's whole page under the engine's deadline. */
  public static PageRequest of(UserId viewer) {
    return new PageRequest(viewer, Optional.empty(), Optional.empty());
  }

  /**
   * Returns a request for a viewer's whole page under the engine's deadline.
   *
   * @throws dev.intropage.core.model.InvalidInputException if the id is not a valid user id
   */
  public static PageRequest of(String viewer) {
    return of(UserId.of(viewer));
  }

  /** Returns a copy that asks only for the named sections. */
  public PageRequest withSections(Set<String> names) {
    return new PageRequest(viewer, Optional.of(names), deadline);
  }

  /**
   * Returns a copy with its own page deadline.
   *
   * @throws IllegalArgumentException if the deadline is not positive
   */
  public PageRequest withDeadline(Duration deadline) {
    return new PageRequest(viewer, sections, Optional.of(deadline));
  }
}
