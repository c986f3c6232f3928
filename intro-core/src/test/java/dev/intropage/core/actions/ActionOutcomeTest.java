package dev.intropage.core.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionOutcomeTest {
  @Test
  void outcomes_carryItemOnlyWhenAppliedAndReasonOnlyWhenRejected() {
    ActionItem item = Items.open("a-1");
    assertThat(ActionOutcome.applied(item).item()).contains(item);
    assertThat(ActionOutcome.notFound("x").message()).contains("'x'");
    assertThat(ActionOutcome.keyReused().kind())
        .isEqualTo(ActionOutcome.Kind.IDEMPOTENCY_KEY_REUSED);
    assertThat(ActionOutcome.rejected(RejectionReason.NOT_OPEN, "closed").reason())
        .contains(RejectionReason.NOT_OPEN);
    assertThatThrownBy(
            () ->
                new ActionOutcome(
                    ActionOutcome.Kind.NOT_FOUND, Optional.of(item), Optional.empty(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ActionOutcome(
                    ActionOutcome.Kind.APPLIED,
                    Optional.of(item),
                    Optional.of(RejectionReason.NOT_OPEN),
                    "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_mapsTransitionResults() {
    ActionItem item = Items.open("a-1");
    assertThat(ActionOutcome.of(new TransitionResult.Applied(item)).kind())
        .isEqualTo(ActionOutcome.Kind.APPLIED);
    ActionOutcome rejected =
        ActionOutcome.of(new TransitionResult.Rejected(RejectionReason.VERSION_CONFLICT, "stale"));
    assertThat(rejected.reason()).contains(RejectionReason.VERSION_CONFLICT);
    assertThat(rejected.message()).isEqualTo("stale");
  }
}
