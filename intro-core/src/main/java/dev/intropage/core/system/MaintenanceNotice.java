package dev.intropage.core.system;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A planned maintenance window announced to users.
 *
 * @param id the notice's id; not blank
 * @param message what users should know
 * @param severity how much it affects users
 * @param startsAt when the window opens
 * @param endsAt when the window closes; after {@code startsAt}
 */
public record MaintenanceNotice(
    String id, String message, NoticeSeverity severity, Instant startsAt, Instant endsAt) {

  /**
   * Validates the notice.
   *
   * @throws IllegalArgumentException if the id is blank or the window does not end after it starts
   */
  public MaintenanceNotice {
    requireNonNull(id, "id");
    requireNonNull(message, "message");
    requireNonNull(severity, "severity");
    requireNonNull(startsAt, "startsAt");
    requireNonNull(endsAt, "endsAt");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("endsAt must be after startsAt");
    }
  }

  /** Returns whether the window is open at the given moment: {@code startsAt <= now < endsAt}. */
  public boolean isActiveAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }
}
