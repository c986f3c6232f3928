package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Something the user should act on.
 *
 * @param id the item's id; not blank
 * @param owner the user the item belongs to
 * @param title what to do; not blank, at most {@value #MAX_TITLE_LENGTH} characters (Unicode code
 *     points)
 * @param priority how urgent the item is
 * @param dueAt when the item is due, if it has a due date
 * @param state whether the item is open, completed or dismissed
 * @param snoozedUntil until when the user hid the item, if they did
 * @param createdAt when the item was created
 * @param version the optimistic-concurrency version, bumped by every change; not negative
 */
public record ActionItem(
    String id,
    UserId owner,
    String title,
    Priority priority,
    Optional<Instant> dueAt,
    ActionState state,
    Optional<Instant> snoozedUntil,
    Instant createdAt,
    long version) {

  /** The longest title allowed, in Unicode code points. */
  public static final int MAX_TITLE_LENGTH = 200;

  /**
   * Validates the item.
   *
   * @throws IllegalArgumentException if the id or title is blank, the title is too long, or the
   *     version is negative
   */
  public ActionItem {
    requireNonNull(id, "id");
    requireNonNull(owner, "owner");
    requireNonNull(title, "title");
    requireNonNull(priority, "priority");
    requireNonNull(dueAt, "dueAt");
    requireNonNull(state, "state");
    requireNonNull(snoozedUntil, "snoozedUntil");
    requireNonNull(createdAt, "createdAt");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    if (title.codePointCount(0, title.length()) > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException(
          "title must be at most " + MAX_TITLE_LENGTH + " characters");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
  }

  /**
   * Returns a copy in another state, with the version bumped by one.
   *
   * @throws ArithmeticException if the version is already {@link Long#MAX_VALUE}
   */
  public ActionItem withState(ActionState state) {
    return next(state, snoozedUntil);
  }

  /**
   * Returns a copy snoozed until another time, or not snoozed if empty, with the version bumped by
   * one.
   *
   * @throws ArithmeticException if the version is already {@link Long#MAX_VALUE}
   */
  public ActionItem withSnoozedUntil(Optional<Instant> snoozedUntil) {
    return next(state, snoozedUntil);
  }

  /** The next version of this item, in a state and snooze; every change goes through here. */
  ActionItem next(ActionState state, Optional<Instant> snoozedUntil) {
    return new ActionItem(
        id,
        owner,
        title,
        priority,
        dueAt,
        state,
        snoozedUntil,
        createdAt,
        Math.addExact(version, 1));
  }

  /** Where an actionable item is in its life: open, or closed one of two ways. */
  public enum ActionState {
    /** Still to do; shown unless snoozed. */
    OPEN,
    /** Done by the user. */
    COMPLETED,
    /** Declined by the user without doing it. */
    DISMISSED
  }

  /** How urgent an actionable item is, most urgent first. */
  public enum Priority {
    /** Needs attention before anything else. */
    CRITICAL,
    /** Important. */
    HIGH,
    /** The default. */
    NORMAL,
    /** Can wait. */
    LOW
  }
}
