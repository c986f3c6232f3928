package dev.intropage.core.actions;

import static dev.intropage.core.actions.Items.NOW;
import static dev.intropage.core.actions.Items.open;
import static dev.intropage.core.actions.Items.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionTransitionsTest {
  private static final ActionItem ITEM = version(open("a"), 7);
  private static final ActionItem SNOOZED =
      version(open("a"), 6).withSnoozedUntil(Optional.of(NOW.plusSeconds(3600)));

  private static ActionItem applied(TransitionResult result) {
    assertThat(result).isInstanceOf(TransitionResult.Applied.class);
    return ((TransitionResult.Applied) result).item();
  }

  private static RejectionReason rejected(TransitionResult result) {
    assertThat(result).isInstanceOf(TransitionResult.Rejected.class);
    var rejected = (TransitionResult.Rejected) result;
    assertThat(rejected.message()).isNotBlank();
    return rejected.reason();
  }

  @Test
  void complete_openItem_completesAndBumpsVersionOnce() {
    var item = applied(ActionTransitions.apply(ITEM, new ActionCommand.Complete(), 7, NOW));
    assertThat(item.state()).isEqualTo(ActionState.COMPLETED);
    assertThat(item.version()).isEqualTo(8);
    assertThat(item.id()).isEqualTo("a");
  }

  @Test
  void complete_snoozedItem_clearsSnoozeAndBumpsVersionOnce() {
    var item = applied(ActionTransitions.apply(SNOOZED, new ActionCommand.Complete(), 7, NOW));
    assertThat(item.state()).isEqualTo(ActionState.COMPLETED);
    assertThat(item.snoozedUntil()).isEmpty();
    assertThat(item.version()).isEqualTo(8);
  }

  @Test
  void dismiss_snoozedItem_dismissesAndClearsSnooze() {
    var item = applied(ActionTransitions.apply(SNOOZED, new ActionCommand.Dismiss(), 7, NOW));
    assertThat(item.state()).isEqualTo(ActionState.DISMISSED);
    assertThat(item.snoozedUntil()).isEmpty();
    assertThat(item.version()).isEqualTo(8);
  }

  @Test
  void completeOrDismiss_notOpen_isRejected() {
    var completed = ITEM.withState(ActionState.COMPLETED);
    var dismissed = ITEM.withState(ActionState.DISMISSED);
    assertThat(rejected(ActionTransitions.apply(completed, new ActionCommand.Complete(), 8, NOW)))
        .isEqualTo(RejectionReason.NOT_OPEN);
    assertThat(rejected(ActionTransitions.apply(completed, new ActionCommand.Dismiss(), 8, NOW)))
        .isEqualTo(RejectionReason.NOT_OPEN);
    assertThat(rejected(ActionTransitions.apply(dismissed, new ActionCommand.Complete(), 8, NOW)))
        .isEqualTo(RejectionReason.NOT_OPEN);
  }

  @Test
  void snooze_notOpen_isRejected() {
    var dismissed = ITEM.withState(ActionState.DISMISSED);
    var command = new ActionCommand.Snooze(NOW.plusSeconds(60));
    assertThat(rejected(ActionTransitions.apply(dismissed, command, 8, NOW)))
        .isEqualTo(RejectionReason.NOT_OPEN);
  }

  @Test
  void anyCommand_wrongVersion_isVersionConflict() {
    assertThat(rejected(ActionTransitions.apply(ITEM, new ActionCommand.Complete(), 6, NOW)))
        .isEqualTo(RejectionReason.VERSION_CONFLICT);
    assertThat(rejected(ActionTransitions.apply(ITEM, new ActionCommand.Dismiss(), 8, NOW)))
        .isEqualTo(RejectionReason.VERSION_CONFLICT);
    var closed = ITEM.withState(ActionState.COMPLETED);
    assertThat(
            rejected(
                ActionTransitions.apply(
                    closed, new ActionCommand.Snooze(NOW.plusSeconds(1)), 7, NOW)))
        .isEqualTo(RejectionReason.VERSION_CONFLICT);
  }

  @Test
  void snooze_future_setsSnoozeAndBumpsVersion() {
    var until = NOW.plusSeconds(1);
    var item = applied(ActionTransitions.apply(ITEM, new ActionCommand.Snooze(until), 7, NOW));
    assertThat(item.snoozedUntil()).contains(until);
    assertThat(item.state()).isEqualTo(ActionState.OPEN);
    assertThat(item.version()).isEqualTo(8);
  }

  @Test
  void snooze_alreadySnoozed_movesTheSnooze() {
    var until = NOW.plus(Duration.ofDays(2));
    var item = applied(ActionTransitions.apply(SNOOZED, new ActionCommand.Snooze(until), 7, NOW));
    assertThat(item.snoozedUntil()).contains(until);
  }

  @Test
  void snooze_nowOrPast_isNotInFuture() {
    assertThat(rejected(ActionTransitions.apply(ITEM, new ActionCommand.Snooze(NOW), 7, NOW)))
        .isEqualTo(RejectionReason.SNOOZE_NOT_IN_FUTURE);
    assertThat(
            rejected(
                ActionTransitions.apply(
                    ITEM, new ActionCommand.Snooze(NOW.minusSeconds(1)), 7, NOW)))
        .isEqualTo(RejectionReason.SNOOZE_NOT_IN_FUTURE);
  }

  @Test
  void snooze_exactly90DaysAhead_isAllowedAndOneNanoMoreIsTooFar() {
    Instant limit = NOW.plus(Duration.ofDays(90));
    assertThat(applied(ActionTransitions.apply(ITEM, new ActionCommand.Snooze(limit), 7, NOW)))
        .extracting(ActionItem::snoozedUntil)
        .isEqualTo(Optional.of(limit));
    assertThat(
            rejected(
                ActionTransitions.apply(
                    ITEM, new ActionCommand.Snooze(limit.plusNanos(1)), 7, NOW)))
        .isEqualTo(RejectionReason.SNOOZE_TOO_FAR);
  }

  @Test
  void rejection_leavesTheItemUnchanged() {
    var before = SNOOZED;
    ActionTransitions.apply(before, new ActionCommand.Complete(), 0, NOW);
    assertThat(before.version()).isEqualTo(7);
    assertThat(before.state()).isEqualTo(ActionState.OPEN);
    assertThat(before.snoozedUntil()).isPresent();
  }
}
