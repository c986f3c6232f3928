package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An assembled page: the sections in the viewer's order, each with its status, and the timing.
 *
 * @param user the viewer
 * @param assembledAt when assembly started, by the engine's clock
 * @param sections the sections in display order
 * @param elapsed how long assembly took
 */
public record IntroPage(
    UserId user, Instant assembledAt, List<SectionResult<?>> sections, Duration elapsed) {

  /** Validates the page and copies the section list. */
  public IntroPage {
    requireNonNull(user, "user");
    requireNonNull(assembledAt, "assembledAt");
    sections = List.copyOf(sections);
    requireNonNull(elapsed, "elapsed");
  }

  /** Returns a section's result, or empty if the page does not show that section. */
  @SuppressWarnings("unchecked") // keys are equal by name and each name has one type
  public <T> Optional<SectionResult<T>> section(SectionKey<T> key) {
    for (SectionResult<?> result : sections) {
      if (result.key().equals(key)) {
        return Optional.of((SectionResult<T>) result);
      }
    }
    return Optional.empty();
  }

  /** Returns a section's data, or empty if the page does not show it or has no usable value. */
  public <T> Optional<T> data(SectionKey<T> key) {
    return section(key).flatMap(SectionResult::data);
  }

  /** Returns whether any section is not {@link SectionStatus#healthy() healthy}. */
  public boolean degraded() {
    for (SectionResult<?> result : sections) {
      if (!result.status().healthy()) {
        return true;
      }
    }
    return false;
  }

  /** Returns the section that took longest, if the page has any. */
  public Optional<SectionResult<?>> slowest() {
    SectionResult<?> slowest = null;
    for (SectionResult<?> result : sections) {
      if (slowest == null || result.elapsed().compareTo(slowest.elapsed()) > 0) {
        slowest = result;
      }
    }
    return Optional.ofNullable(slowest);
  }
}
