package dev.intropage.core.personalization;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which sections the page shows, in which order.
 *
 * @param order the visible section keys in display order, each once
 * @param hidden the known section keys that are not shown
 */
public record Layout(List<String> order, Set<String> hidden) {

  /**
   * Validates the layout and copies the collections.
   *
   * @throws IllegalArgumentException if a key appears twice in the order, or both in the order and
   *     among the hidden keys
   */
  public Layout {
    order = List.copyOf(order);
    hidden = Set.copyOf(hidden);
    Set<String> seen = new HashSet<>();
    for (String key : order) {
      if (!seen.add(key) || hidden.contains(key)) {
        throw new IllegalArgumentException("section '" + key + "' is listed twice or hidden");
      }
    }
  }
}
