package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a command may change an actionable item, and how: the item rules of the write use
 * case. Stateless and thread-safe.
 *
 * <p>The rules, checked in this order:
 *
 * <ol>
 *   <li>the caller's expected version must be the item's version, else {@link
 *       RejectionReason#VERSION_CONFLICT};
 *   <li>only an {@link ActionState#OPEN} item can be completed, dismissed or snoozed, else {@link
 *       RejectionReason#NOT_OPEN};
 *   <li>completing or dismissing clears any snooze;
 *   <li>a snooze must end after now ({@link RejectionReason#SNOOZE_NOT_IN_FUTURE}) and at most
 *       {@link #MAX_SNOOZE} later ({@link RejectionReason#SNOOZE_TOO_FAR}); it may replace an
 *       earlier snooze.
 * </ol>
 *
 * Every applied command bumps the version by exactly one.
 */
final class ActionTransitions {
  /** The furthest ahead a snooze may end: 90 days of 24 hours, whatever the user's time zone. */
  static final Duration MAX_SNOOZE = Duration.ofDays(90);

  private ActionTransitions() {}

  /**
   * Applies a command to the current state of an item.
   *
   * @param current the item as stored now
   * @param command what the user asks for
   * @param expectedVersion the version the user's request was based on
   * @param now the time of the request
   * @return the changed item, or the reason for refusing; a refusal changes nothing
   * @throws ArithmeticException if the version is already {@link Long#MAX_VALUE}
   */
  static TransitionResult apply(
      ActionItem current, ActionCommand command, long expectedVersion, Instant now) {
    requireNonNull(current, "current");
    requireNonNull(command, "command");
    requireNonNull(now, "now");
    if (current.version() != expectedVersion) {
      return new TransitionResult.Rejected(
          RejectionReason.VERSION_CONFLICT,
          "The item has changed (version "
              + current.version()
              + ", expected "
              + expectedVersion
              + "); reload it and try again.");
    }
    if (current.state() != ActionState.OPEN) {
      return new TransitionResult.Rejected(
          RejectionReason.NOT_OPEN,
          "The item is " + current.state().name().toLowerCase(Locale.ROOT) + ".");
    }
    if (command instanceof ActionCommand.Snooze snooze) {
      return snooze(current, snooze.until(), now);
    }
    var state =
        command instanceof ActionCommand.Complete ? ActionState.COMPLETED : ActionState.DISMISSED;
    return new TransitionResult.Applied(current.next(state, Optional.empty()));
  }

  private static TransitionResult snooze(ActionItem current, Instant until, Instant now) {
    if (!until.isAfter(now)) {
      return new TransitionResult.Rejected(
          RejectionReason.SNOOZE_NOT_IN_FUTURE, "A snooze must end in the future.");
    }
    if (until.isAfter(now.plus(MAX_SNOOZE))) {
      return new TransitionResult.Rejected(
          RejectionReason.SNOOZE_TOO_FAR,
          "A snooze may end at most " + MAX_SNOOZE.toDays() + " days from now.");
    }
    return new TransitionResult.Applied(current.next(current.state(), Optional.of(until)));
  }
}
