package dev.intropage.core.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.Personalization.Layout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LayoutResolverPropertiesTest {
  private static final List<String> KEYS =
      List.of("stats", "system", "actions", "activity", "custom-a", "custom-b", "ghost", "other");

  /** A default order, required keys among it, and preferences that may name unknown keys. */
  record Case(List<String> defaultOrder, Set<String> required, Optional<Preferences> preferences) {}

  @Property(tries = 1000)
  void resolve_orderIsThePermutationOfDefaultMinusHidden(@ForAll("cases") Case c) {
    Layout layout = LayoutResolver.resolve(c.defaultOrder(), c.required(), c.preferences());

    assertThat(layout.order()).doesNotHaveDuplicates();
    Set<String> shownAndHidden = new HashSet<>(layout.order());
    shownAndHidden.retainAll(layout.hidden());
    assertThat(shownAndHidden).isEmpty();
    Set<String> all = new HashSet<>(layout.order());
    all.addAll(layout.hidden());
    assertThat(all).isEqualTo(new HashSet<>(c.defaultOrder()));
    Set<String> expectedHidden = new HashSet<>();
    c.preferences().ifPresent(p -> expectedHidden.addAll(p.hiddenSections()));
    expectedHidden.retainAll(new HashSet<>(c.defaultOrder()));
    expectedHidden.removeAll(c.required());
    assertThat(layout.hidden()).isEqualTo(expectedHidden);
  }

  @Property(tries = 1000)
  void resolve_requiredKeysAreAlwaysShown(@ForAll("cases") Case c) {
    Layout layout = LayoutResolver.resolve(c.defaultOrder(), c.required(), c.preferences());

    assertThat(layout.order()).containsAll(c.required());
  }

  @Property(tries = 1000)
  void resolve_usersKnownKeysComeFirstInTheirOrder_restInDefaultOrder(@ForAll("cases") Case c) {
    Layout layout = LayoutResolver.resolve(c.defaultOrder(), c.required(), c.preferences());

    LinkedHashSet<String> users = new LinkedHashSet<>();
    c.preferences()
        .ifPresent(
            p -> p.sectionOrder().stream().filter(c.defaultOrder()::contains).forEach(users::add));
    users.removeAll(layout.hidden());
    List<String> expectedPrefix = new ArrayList<>(users);
    assertThat(layout.order().subList(0, expectedPrefix.size())).isEqualTo(expectedPrefix);
    List<String> rest = layout.order().subList(expectedPrefix.size(), layout.order().size());
    List<String> defaultRest =
        new LinkedHashSet<>(c.defaultOrder()).stream().filter(rest::contains).toList();
    assertThat(rest).isEqualTo(defaultRest);
  }

  @Property(tries = 1000)
  void resolve_withPreferencesMadeFromItsOwnOutput_isIdempotent(@ForAll("cases") Case c) {
    Layout layout = LayoutResolver.resolve(c.defaultOrder(), c.required(), c.preferences());
    Preferences own =
        new Preferences(
            UserId.of("ada"),
            Optional.empty(),
            Optional.empty(),
            layout.order(),
            layout.hidden(),
            Optional.empty(),
            Optional.empty(),
            1);

    assertThat(LayoutResolver.resolve(c.defaultOrder(), c.required(), Optional.of(own)))
        .isEqualTo(layout);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<List<String>> defaults =
        Arbitraries.of(KEYS).list().ofMaxSize(6).map(l -> List.copyOf(new LinkedHashSet<>(l)));
    return defaults.flatMap(
        order -> {
          Arbitrary<Set<String>> required =
              order.isEmpty()
                  ? Arbitraries.just(Set.of())
                  : Arbitraries.of(order).set().ofMaxSize(order.size());
          Arbitrary<List<String>> userOrder = Arbitraries.of(KEYS).list().ofMaxSize(10);
          Arbitrary<Set<String>> hidden = Arbitraries.of(KEYS).set().ofMaxSize(5);
          Arbitrary<Optional<Preferences>> preferences =
              Combinators.combine(userOrder, hidden)
                  .as(
                      (o, h) ->
                          new Preferences(
                              UserId.of("ada"),
                              Optional.empty(),
                              Optional.empty(),
                              o,
                              h,
                              Optional.empty(),
                              Optional.empty(),
                              0))
                  .optional(0.8);
          return Combinators.combine(required, preferences).as((r, p) -> new Case(order, r, p));
        });
  }
}
