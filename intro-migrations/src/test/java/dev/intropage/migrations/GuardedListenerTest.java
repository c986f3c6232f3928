package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A faulty listener cannot stop the runner. */
class GuardedListenerTest {
  private static final MigrationEvent EVENT =
      new MigrationEvent(MigrationEvent.Kind.STARTED, 1, "users", Duration.ZERO);

  @Test
  void onEvent_passesTheEventOn() {
    List<MigrationEvent> received = new ArrayList<>();

    new GuardedListener(received::add).onEvent(EVENT);

    assertThat(received).containsExactly(EVENT);
  }

  @Test
  void onEvent_listenerThrows_isSwallowed() {
    GuardedListener guarded =
        new GuardedListener(
            event -> {
              throw new IllegalStateException("listener bug");
            });

    assertThatCode(() -> guarded.onEvent(EVENT)).doesNotThrowAnyException();
  }
}
