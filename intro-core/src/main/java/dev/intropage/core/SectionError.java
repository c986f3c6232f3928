package dev.intropage.core;

import static java.util.Objects.requireNonNull;

/**
 * Why a section has no fresh data, in words for a person and a code for a program.
 *
 * @param code a stable upper-case code, such as {@code SECTION_TIMEOUT}
 * @param message what went wrong, in plain words, without internals
 * @param hint what the user or operator can do about it
 */
public record SectionError(String code, String message, String hint) {
  /** Validates the error. */
  public SectionError {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(hint, "hint");
  }

  static SectionError timeout(SectionKey<?> key, long millis) {
    return new SectionError(
        "SECTION_TIMEOUT",
        "The " + key.name() + " section did not answer within " + millis + " ms.",
        "Reload the page in a moment; the data shown may be older.");
  }

  static SectionError failed(SectionKey<?> key) {
    return new SectionError(
        "SECTION_FAILED",
        "The " + key.name() + " section could not be loaded.",
        "Reload the page in a moment; if it persists, tell the operators.");
  }

  static SectionError circuitOpen(SectionKey<?> key) {
    return new SectionError(
        "CIRCUIT_OPEN",
        "The " + key.name() + " section is paused after repeated failures.",
        "It is retried automatically shortly; no action is needed.");
  }

  static SectionError shed(SectionKey<?> key) {
    return new SectionError(
        "LOAD_SHED",
        "The " + key.name() + " section was skipped because the service is busy.",
        "Reload the page in a moment to see it.");
  }

  static SectionError bulkheadFull(SectionKey<?> key) {
    return new SectionError(
        "BULKHEAD_FULL",
        "Too many " + key.name() + " sections are loading at once.",
        "Reload the page in a moment; the data shown may be older.");
  }
}
