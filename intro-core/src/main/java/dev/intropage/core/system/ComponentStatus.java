package dev.intropage.core.system;

import static java.util.Objects.requireNonNull;

/**
 * The state of one component, such as the database or a section's circuit breaker.
 *
 * @param name the component's name; not blank
 * @param state how it is doing
 * @param detail a short explanation for people; may be empty
 * @param critical whether the system cannot work without it
 */
public record ComponentStatus(String name, ComponentState state, String detail, boolean critical) {

  /**
   * Validates the status.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public ComponentStatus {
    requireNonNull(name, "name");
    requireNonNull(state, "state");
    requireNonNull(detail, "detail");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }
}
