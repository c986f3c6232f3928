package dev.intropage.core.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.Personalization.Layout;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayoutResolverTest {
  private static final List<String> DEFAULTS = List.of("stats", "system", "actions", "activity");

  @Test
  void resolve_noPreferences_isTheDefaultOrder() {
    assertThat(LayoutResolver.resolve(DEFAULTS, Set.of(), Optional.empty()))
        .isEqualTo(new Layout(DEFAULTS, Set.of()));
  }

  @Test
  void resolve_usersOrderFirst_unknownAndRepeatedKeysDropped_restInDefaultOrder() {
    Preferences preferences =
        preferences(List.of("activity", "nope", "system", "activity"), Set.of());

    assertThat(LayoutResolver.resolve(DEFAULTS, Set.of(), Optional.of(preferences)).order())
        .containsExactly("activity", "system", "stats", "actions");
  }

  @Test
  void resolve_hiddenKeysRemoved_butRequiredOnesStay() {
    Preferences preferences = preferences(List.of(), Set.of("system", "stats", "nope"));

    Layout layout = LayoutResolver.resolve(DEFAULTS, Set.of("stats"), Optional.of(preferences));

    assertThat(layout.order()).containsExactly("stats", "actions", "activity");
    assertThat(layout.hidden()).containsExactly("system");
  }

  @Test
  void layout_repeatedOrHiddenKeyInOrder_isRejected() {
    assertThatThrownBy(() -> new Layout(List.of("a", "a"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Layout(List.of("a"), Set.of("a")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Preferences preferences(List<String> order, Set<String> hidden) {
    return new Preferences(
        UserId.of("ada"),
        Optional.empty(),
        Optional.empty(),
        order,
        hidden,
        Optional.empty(),
        Optional.empty(),
        3);
  }
}
