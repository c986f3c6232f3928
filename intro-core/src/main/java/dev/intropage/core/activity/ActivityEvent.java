package dev.intropage.core.activity;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Something that happened and that the viewer may want to know about.
 *
 * @param id the event's id, unique in the repository; 1 to {@value #MAX_ID_LENGTH} characters, not
 *     blank
 * @param actor who did it
 * @param team the team the event belongs to, if any
 * @param type what kind of event it is, such as {@code "comment"}; not blank
 * @param subject what it happened to, such as a document's id; not blank
 * @param occurredAt when it happened
 */
public record ActivityEvent(
    String id,
    UserId actor,
    Optional<String> team,
    String type,
    String subject,
    Instant occurredAt) {

  /** The longest id an event may have, so that its position fits in a cursor. */
  public static final int MAX_ID_LENGTH = 128;

  /** The feed's order: newest first, and for equal times the greater id first. */
  public static final Comparator<ActivityEvent> NEWEST_FIRST =
      Comparator.comparing(ActivityEvent::occurredAt).thenComparing(ActivityEvent::id).reversed();

  /**
   * Validates the event.
   *
   * @throws IllegalArgumentException if the id, type or subject is blank, or the id is longer than
   *     {@value #MAX_ID_LENGTH} characters
   */
  public ActivityEvent {
    requireNonNull(id, "id");
    requireNonNull(actor, "actor");
    requireNonNull(team, "team");
    requireNonNull(type, "type");
    requireNonNull(subject, "subject");
    requireNonNull(occurredAt, "occurredAt");
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "id must be 1 to " + MAX_ID_LENGTH + " characters and not blank");
    }
    if (type.isBlank()) {
      throw new IllegalArgumentException("type must not be blank");
    }
    if (subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
  }
}
