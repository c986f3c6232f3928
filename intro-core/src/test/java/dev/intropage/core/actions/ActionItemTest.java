package dev.intropage.core.actions;

import static dev.intropage.core.actions.Items.ADA;
import static dev.intropage.core.actions.Items.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionItemTest {
  private static ActionItem item(String id, String title, long version) {
    return new ActionItem(
        id,
        ADA,
        title,
        Priority.HIGH,
        Optional.empty(),
        ActionState.OPEN,
        Optional.empty(),
        NOW,
        version);
  }

  @Test
  void constructor_rejectsBlankIdAndTitle() {
    assertThatThrownBy(() -> item(" ", "t", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> item("a", "\t", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_titleOfAtMost200Characters() {
    assertThat(item("a", "x".repeat(200), 0).title()).hasSize(200);
    assertThatThrownBy(() -> item("a", "x".repeat(201), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_titleLengthCountsCodePointsNotCharUnits() {
    var rocket = "\uD83D\uDE80"; // one code point, two chars
    assertThat(item("a", rocket.repeat(200), 0).title()).hasSize(400);
    assertThatThrownBy(() -> item("a", rocket.repeat(201), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_rejectsNegativeVersion() {
    assertThatThrownBy(() -> item("a", "t", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withState_copiesAndBumpsVersion() {
    var original = item("a", "t", 4);
    var completed = original.withState(ActionState.COMPLETED);
    assertThat(completed.state()).isEqualTo(ActionState.COMPLETED);
    assertThat(completed.version()).isEqualTo(5);
    assertThat(completed.title()).isEqualTo("t");
    assertThat(original.state()).isEqualTo(ActionState.OPEN);
  }

  @Test
  void withSnoozedUntil_setsAndClearsAndBumpsVersion() {
    var until = Instant.parse("2026-05-21T00:00:00Z");
    var snoozed = item("a", "t", 0).withSnoozedUntil(Optional.of(until));
    assertThat(snoozed.snoozedUntil()).contains(until);
    assertThat(snoozed.version()).isEqualTo(1);
    var cleared = snoozed.withSnoozedUntil(Optional.empty());
    assertThat(cleared.snoozedUntil()).isEmpty();
    assertThat(cleared.version()).isEqualTo(2);
  }

  @Test
  void withState_atMaximumVersion_overflowsLoudly() {
    var item = item("a", "t", Long.MAX_VALUE);
    assertThatThrownBy(() -> item.withState(ActionState.DISMISSED))
        .isInstanceOf(ArithmeticException.class);
  }
}
