package dev.intropage.core.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.PreferenceWriter.FieldError;
import dev.intropage.core.personalization.PreferenceWriter.PreferencesOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreferencesOutcomeTest {
  @Test
  void outcomes_carryPreferencesOnlyWhenAppliedAndErrorsOnlyWhenInvalid() {
    Preferences none = Preferences.none(UserId.of("ada"));
    assertThat(PreferencesOutcome.applied(none).preferences()).contains(none);
    assertThat(PreferencesOutcome.invalid(List.of(new FieldError("zone", "unknown"))).errors())
        .containsExactly(new FieldError("zone", "unknown"));
    assertThat(PreferencesOutcome.versionConflict().kind())
        .isEqualTo(PreferencesOutcome.Kind.VERSION_CONFLICT);
    assertThat(PreferencesOutcome.keyReused().kind())
        .isEqualTo(PreferencesOutcome.Kind.IDEMPOTENCY_KEY_REUSED);
    assertThatThrownBy(() -> PreferencesOutcome.invalid(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PreferencesOutcome(
                    PreferencesOutcome.Kind.VERSION_CONFLICT, Optional.of(none), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
