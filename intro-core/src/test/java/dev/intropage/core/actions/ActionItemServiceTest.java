package dev.intropage.core.actions;

import static dev.intropage.core.actions.Items.ADA;
import static dev.intropage.core.actions.Items.NOW;
import static dev.intropage.core.actions.Items.open;
import static dev.intropage.core.actions.Items.owner;
import static dev.intropage.core.actions.Items.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import dev.intropage.core.model.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The action item use cases over an in-memory store: each rule, and the races a store reports. */
class ActionItemServiceTest {
  private static final UserId GRACE = UserId.of("grace");
  private static final ActionCommand COMPLETE = new ActionCommand.Complete();
  private static final ActionCommand DISMISS = new ActionCommand.Dismiss();

  /** SHA-256 of {@code "act&i1&complete&0"}: completing i1 at version 0. */
  private static final String COMPLETE_I1_HASH =
      "3c60248302878803105925844f4b4786a2fe060f50ffb7f5f4ed1f4fa040e82f";

  /** SHA-256 of {@code "act&i2&snooze%3A1779537600000000&0"}: snoozing i2 at version 0. */
  private static final String SNOOZE_I2_HASH =
      "b07b532b5f8d2d61523f0cea8fd1521c4bfb8a3fb3cf612dc8325d1ec9a1b5d4";

  private final FakeActionItemStore store = new FakeActionItemStore();
  private final ActionItemWriter writer =
      ActionItemWriter.over(store, Clock.fixed(NOW, ZoneOffset.UTC));

  private ActionItem stored(String id) {
    return store.item(ADA, id).orElseThrow();
  }

  @Nested
  class Transitions {
    @Test
    void act_complete_storesTheCompletedItemCountsItAndRecordsTheKey() {
      store.with(version(open("i1"), 3));

      ActionOutcome outcome = writer.act(ADA, "i1", COMPLETE, 3, "k1");

      assertThat(outcome.kind()).isEqualTo(ActionOutcome.Kind.APPLIED);
      ActionItem item = outcome.item().orElseThrow();
      assertThat(item.state()).isEqualTo(ActionState.COMPLETED);
      assertThat(item.version()).isEqualTo(4);
      assertThat(stored("i1")).isEqualTo(item);
      assertThat(store.committed().completions).containsExactly(NOW);
      assertThat(store.committed().records).hasSize(1);
    }

    @Test
    void act_dismiss_storesTheDismissedItemWithoutCountingACompletion() {
      store.with(open("i1"));

      ActionOutcome outcome = writer.act(ADA, "i1", DISMISS, 0, "k1");

      assertThat(outcome.item().orElseThrow().state()).isEqualTo(ActionState.DISMISSED);
      assertThat(stored("i1").state()).isEqualTo(ActionState.DISMISSED);
      assertThat(store.committed().completions).isEmpty();
      assertThat(store.committed().records).hasSize(1);
    }

    @Test
    void act_snoozeWithinBounds_storesTheSnoozeWithoutCountingACompletion() {
      store.with(open("i1"));
      Instant until = NOW.plus(ActionTransitions.MAX_SNOOZE);

      ActionOutcome outcome = writer.act(ADA, "i1", new ActionCommand.Snooze(until), 0, "k1");

      assertThat(outcome.kind()).isEqualTo(ActionOutcome.Kind.APPLIED);
      assertThat(stored("i1").snoozedUntil()).contains(until);
      assertThat(stored("i1").state()).isEqualTo(ActionState.OPEN);
      assertThat(store.committed().completions).isEmpty();
    }

    @Test
    void act_snoozeOutOfBounds_isRejectedAndChangesNothing() {
      ActionItem item = open("i1");
      store.with(item);
      Instant tooFar = NOW.plus(ActionTransitions.MAX_SNOOZE).plusSeconds(1);

      ActionOutcome past = writer.act(ADA, "i1", new ActionCommand.Snooze(NOW), 0, "k1");
      ActionOutcome far = writer.act(ADA, "i1", new ActionCommand.Snooze(tooFar), 0, "k2");

      assertThat(past.reason()).contains(RejectionReason.SNOOZE_NOT_IN_FUTURE);
      assertThat(far.reason()).contains(RejectionReason.SNOOZE_TOO_FAR);
      assertThat(stored("i1")).isEqualTo(item);
      assertThat(store.committed().records).isEmpty();
    }

    @Test
    void act_closedItem_isRejectedAsNotOpen() {
      store.with(open("i1").withState(ActionState.COMPLETED));

      ActionOutcome outcome = writer.act(ADA, "i1", DISMISS, 1, "k1");

      assertThat(outcome.kind()).isEqualTo(ActionOutcome.Kind.REJECTED);
      assertThat(outcome.reason()).contains(RejectionReason.NOT_OPEN);
      assertThat(stored("i1").state()).isEqualTo(ActionState.COMPLETED);
      assertThat(store.committed().records).isEmpty();
    }

    @Test
    void act_staleVersion_isAVersionConflictAndChangesNothing() {
      ActionItem item = version(open("i1"), 2);
      store.with(item);

      ActionOutcome outcome = writer.act(ADA, "i1", COMPLETE, 1, "k1");

      assertThat(outcome.reason()).contains(RejectionReason.VERSION_CONFLICT);
      assertThat(stored("i1")).isEqualTo(item);
      assertThat(store.committed().completions).isEmpty();
      assertThat(store.committed().records).isEmpty();
    }

    @Test
    void act_missingItemOrAnotherUsersItem_isNotFound() {
      store.with(owner(open("i1"), GRACE));

      ActionOutcome others = writer.act(ADA, "i1", COMPLETE, 0, "k1");
      ActionOutcome missing = writer.act(ADA, "nope", COMPLETE, 0, "k2");

      assertThat(others).isEqualTo(ActionOutcome.notFound("i1"));
      assertThat(missing).isEqualTo(ActionOutcome.notFound("nope"));
      assertThat(store.item(GRACE, "i1").orElseThrow().state()).isEqualTo(ActionState.OPEN);
      assertThat(store.committed().records).isEmpty();
    }
  }

  @Nested
  class Idempotency {
    @Test
    void act_repeatedKeyAndRequest_returnsTheFirstOutcomeWithoutApplyingAgain() {
      store.with(open("i1"));
      ActionOutcome first = writer.act(ADA, "i1", COMPLETE, 0, "k1");

      ActionOutcome again = writer.act(ADA, "i1", COMPLETE, 0, "k1");

      assertThat(again).isEqualTo(first);
      assertThat(stored("i1").version()).isEqualTo(1);
      assertThat(store.committed().completions).hasSize(1);
      assertThat(store.committed().records).hasSize(1);
    }

    @Test
    void act_repeatedKeyWithAnotherRequest_isRefusedAsReusedAndChangesNothing() {
      store.with(open("i1")).with(open("i2"));
      writer.act(ADA, "i1", new ActionCommand.Snooze(NOW.plusSeconds(60)), 0, "k1");

      List<ActionOutcome> reused =
          List.of(
              writer.act(ADA, "i2", new ActionCommand.Snooze(NOW.plusSeconds(60)), 0, "k1"),
              writer.act(ADA, "i1", new ActionCommand.Snooze(NOW.plusSeconds(61)), 0, "k1"),
              writer.act(ADA, "i1", DISMISS, 0, "k1"),
              writer.act(ADA, "i1", new ActionCommand.Snooze(NOW.plusSeconds(60)), 1, "k1"));

      assertThat(reused).containsOnly(ActionOutcome.keyReused());
      assertThat(stored("i1").version()).isEqualTo(1);
      assertThat(stored("i2").version()).isZero();
    }

    @Test
    void act_keysAreTheOwners_soAnotherUserMayUseTheSameKey() {
      store.with(open("i1")).with(owner(open("i1"), GRACE));
      writer.act(ADA, "i1", COMPLETE, 0, "k1");

      ActionOutcome graces = writer.act(GRACE, "i1", COMPLETE, 0, "k1");

      assertThat(graces.kind()).isEqualTo(ActionOutcome.Kind.APPLIED);
      assertThat(store.item(GRACE, "i1").orElseThrow().state()).isEqualTo(ActionState.COMPLETED);
    }

    @Test
    void act_refusedRequestIsNotRecorded_soItsRepeatIsDecidedAgain() {
      store.with(version(open("i1"), 1));
      ActionOutcome stale = writer.act(ADA, "i1", COMPLETE, 0, "k1");

      ActionOutcome changedMind = writer.act(ADA, "i1", COMPLETE, 1, "k1");

      assertThat(stale.reason()).contains(RejectionReason.VERSION_CONFLICT);
      assertThat(changedMind.kind()).isEqualTo(ActionOutcome.Kind.APPLIED);
    }

    @Test
    void act_recordsTheRequestHashInTheFormStoredBefore() {
      store.with(open("i1")).with(open("i2"));
      Instant until = Instant.parse("2026-05-23T12:00:00Z");

      writer.act(ADA, "i1", COMPLETE, 0, "k1");
      writer.act(ADA, "i2", new ActionCommand.Snooze(until), 0, "k2");

      assertThat(store.recorded(ADA, "k1").orElseThrow().requestHash()).isEqualTo(COMPLETE_I1_HASH);
      assertThat(store.recorded(ADA, "k2").orElseThrow().requestHash()).isEqualTo(SNOOZE_I2_HASH);
    }

    @Test
    void act_blankOrOverlongKey_isRefusedBeforeAnyTransaction() {
      store.with(open("i1"));

      assertThatThrownBy(() -> writer.act(ADA, "i1", COMPLETE, 0, " "))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> writer.act(ADA, "i1", COMPLETE, 0, ""))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> writer.act(ADA, "i1", COMPLETE, 0, "k".repeat(256)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store.transactions).isZero();
      assertThat(writer.act(ADA, "i1", COMPLETE, 0, "k".repeat(255)).kind())
          .isEqualTo(ActionOutcome.Kind.APPLIED);
    }
  }

  @Nested
  class Races {
    @Test
    void act_anotherWriterChangedTheItemFirst_isAVersionConflictAndRecordsNothing() {
      store.with(open("i1"));
      store.beforeStore(state -> state.put(open("i1").withState(ActionState.DISMISSED)));

      ActionOutcome outcome = writer.act(ADA, "i1", COMPLETE, 0, "k1");

      assertThat(outcome.reason()).contains(RejectionReason.VERSION_CONFLICT);
      assertThat(stored("i1").state()).isEqualTo(ActionState.DISMISSED);
      assertThat(store.committed().completions).isEmpty();
      assertThat(store.committed().records).isEmpty();
    }

    @Test
    void act_theSameRequestChangedTheItemFirst_replaysItsOutcome() {
      store.with(open("i1"));
      ActionItem theirs = open("i1").withState(ActionState.COMPLETED);
      store.beforeStore(
          state -> {
            state.put(theirs);
            state.record(ADA, "k1", new ActionItemStore.Recorded(COMPLETE_I1_HASH, theirs));
          });

      ActionOutcome outcome = writer.act(ADA, "i1", COMPLETE, 0, "k1");

      assertThat(outcome).isEqualTo(ActionOutcome.applied(theirs));
      assertThat(store.committed().completions).isEmpty();
    }

    @Test
    void act_anotherRequestWithTheKeyChangedTheItemFirst_isRefusedAsReused() {
      store.with(open("i1"));
      ActionItem theirs = open("i1").withState(ActionState.DISMISSED);
      store.beforeStore(
          state -> {
            state.put(theirs);
            state.record(ADA, "k1", new ActionItemStore.Recorded("other", theirs));
          });

      assertThat(writer.act(ADA, "i1", COMPLETE, 0, "k1")).isEqualTo(ActionOutcome.keyReused());
    }

    @Test
    void act_keyRecordedConcurrentlyForAnotherItem_rollsBackAndIsRefusedAsReused() {
      store.with(open("i1")).with(open("i2"));
      ActionItem theirs = open("i2").withState(ActionState.DISMISSED);
      store.beforeRecord(
          state -> {
            state.put(theirs);
            state.record(ADA, "k1", new ActionItemStore.Recorded("other", theirs));
          });

      ActionOutcome outcome = writer.act(ADA, "i1", COMPLETE, 0, "k1");

      assertThat(outcome).isEqualTo(ActionOutcome.keyReused());
      assertThat(stored("i1").state()).isEqualTo(ActionState.OPEN);
      assertThat(store.committed().completions).isEmpty();
      assertThat(store.transactions).isEqualTo(2);
    }

    @Test
    void act_keyRecordedConcurrentlyForTheSameRequest_rollsBackAndReplaysIt() {
      store.with(open("i1"));
      ActionItem theirs = open("i1").withSnoozedUntil(Optional.of(NOW.plusSeconds(60)));
      store.beforeRecord(
          state -> state.record(ADA, "k1", new ActionItemStore.Recorded(COMPLETE_I1_HASH, theirs)));

      ActionOutcome outcome = writer.act(ADA, "i1", COMPLETE, 0, "k1");

      assertThat(outcome).isEqualTo(ActionOutcome.applied(theirs));
      assertThat(stored("i1").state()).isEqualTo(ActionState.OPEN);
      assertThat(store.committed().completions).isEmpty();
    }

    @Test
    void act_keyTakenOnTheRetryToo_failsAndChangesNothing() {
      store.with(open("i1"));
      store.keyAlwaysTaken();

      assertThatThrownBy(() -> writer.act(ADA, "i1", COMPLETE, 0, "k1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("idempotency key");
      assertThat(stored("i1").state()).isEqualTo(ActionState.OPEN);
      assertThat(store.committed().completions).isEmpty();
      assertThat(store.transactions).isEqualTo(2);
    }
  }
}
