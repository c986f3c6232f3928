package dev.intropage.core;

import dev.intropage.core.model.IntroPageException;
import java.io.Serial;

/** A required section has no usable value, so the page cannot be served. */
public final class RequiredSectionUnavailableException extends IntroPageException {
  @Serial private static final long serialVersionUID = 1L;

  private final String section;
  private final SectionStatus status;
  private final transient SectionError error;

  RequiredSectionUnavailableException(String section, SectionStatus status, SectionError error) {
    super(
        "required section '"
            + section
            + "' has no usable value ("
            + status
            + ", "
            + error.code()
            + "): "
            + error.message());
    this.section = section;
    this.status = status;
    this.error = error;
  }

  /** Returns the name of the section that had no usable value. */
  public String section() {
    return section;
  }

  /** Returns what happened to the section. */
  public SectionStatus status() {
    return status;
  }

  /** Returns why the section had no value, with a hint. */
  public SectionError error() {
    return error;
  }
}
