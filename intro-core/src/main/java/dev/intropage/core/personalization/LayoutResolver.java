package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.personalization.Personalization.Layout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;

/** Resolves the page's layout from the default order and the user's overrides. Stateless. */
final class LayoutResolver {
  private LayoutResolver() {}

  /**
   * Resolves the layout: the user's order first (only keys of the default order, each once), then
   * the remaining keys in default order; then the user's hidden keys are taken out, except the
   * required ones, which are always shown. Keys the default order does not know are ignored.
   *
   * @param defaultOrder every known section key, in default order; a repeated key counts once
   * @param required the keys that can never be hidden
   * @param preferences the user's overrides, if any
   */
  static Layout resolve(
      List<String> defaultOrder, Set<String> required, Optional<Preferences> preferences) {
    requireNonNull(defaultOrder, "defaultOrder");
    requireNonNull(required, "required");
    requireNonNull(preferences, "preferences");
    SequencedSet<String> known = new LinkedHashSet<>(defaultOrder);
    SequencedSet<String> ordered = new LinkedHashSet<>();
    Set<String> hidden = new LinkedHashSet<>();
    preferences.ifPresent(
        p -> {
          p.sectionOrder().stream().filter(known::contains).forEach(ordered::add);
          p.hiddenSections().stream()
              .filter(key -> known.contains(key) && !required.contains(key))
              .forEach(hidden::add);
        });
    ordered.addAll(known);
    List<String> visible = new ArrayList<>(ordered);
    visible.removeAll(hidden);
    return new Layout(visible, hidden);
  }
}
