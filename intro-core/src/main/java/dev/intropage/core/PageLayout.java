package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

/**
 * Decides which sections a viewer's page shows, and in which order, from the value of one of the
 * page's own sections (for example the viewer's stored preferences).
 *
 * <p>The engine settles the layout's section first, or together with the others when it is not
 * cached, and shows it first. Sections the order leaves out are not shown, except required ones,
 * which are added at the end; names the engine does not have are ignored. Without a layout, a page
 * shows every section in registration order.
 *
 * @param <T> the type of the layout section's data
 */
public interface PageLayout<T> {
  /** Returns the key of the section whose value decides the layout. */
  SectionKey<T> section();

  /** Returns the names of the sections to show after the layout's own, in display order. */
  List<String> order(T value);

  /** Returns a layout decided by a function of the section's value. */
  static <T> PageLayout<T> of(SectionKey<T> section, Function<? super T, List<String>> order) {
    requireNonNull(section, "section");
    requireNonNull(order, "order");
    return new PageLayout<>() {
      @Override
      public SectionKey<T> section() {
        return section;
      }

      @Override
      public List<String> order(T value) {
        return order.apply(value);
      }
    };
  }
}
