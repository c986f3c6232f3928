package dev.intropage.core.actions;

import static dev.intropage.core.actions.Items.NOW;
import static dev.intropage.core.actions.Items.due;
import static dev.intropage.core.actions.Items.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import dev.intropage.core.actions.ActionItemsView.RankedItem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionRecordsTest {
  @Test
  void rankedItem_overdueMustMatchNegativeDueIn() {
    var dueItem = due(open("a"), NOW);
    assertThatThrownBy(() -> new RankedItem(dueItem, true, Optional.of(Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RankedItem(dueItem, false, Optional.of(Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new RankedItem(dueItem, true, Optional.of(Duration.ofSeconds(-1))).overdue())
        .isTrue();
  }

  @Test
  void rankedItem_dueInPresentExactlyWhenItemHasDueDate() {
    assertThatThrownBy(() -> new RankedItem(open("a"), false, Optional.of(Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RankedItem(due(open("a"), NOW), false, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void view_rejectsInconsistentCounts() {
    var one = List.of(new RankedItem(open("a"), false, Optional.empty()));
    assertThatThrownBy(() -> new ActionItemsView(List.of(), -1, 0, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionItemsView(List.of(), 0, 0, -1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionItemsView(List.of(), 1, 2, 0, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionItemsView(List.of(), 0, -1, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionItemsView(one, 0, 0, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionItemsView(one, 2, 0, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionItemsView(one, 1, 0, 0, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ActionItemsView(one, 2, 0, 3, true).truncated()).isTrue();
  }

  @Test
  void snooze_requiresUntil() {
    assertThat(new ActionCommand.Snooze(NOW).until()).isEqualTo(NOW);
  }

  @Test
  void rejected_requiresMessage() {
    assertThatThrownBy(() -> new TransitionResult.Rejected(RejectionReason.NOT_OPEN, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
