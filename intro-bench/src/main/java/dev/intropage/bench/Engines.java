package dev.intropage.bench;

import dev.intropage.core.IntroPage;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.PageLayout;
import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionPolicy;
import dev.intropage.core.SectionResult;
import dev.intropage.core.SectionSource;
import dev.intropage.core.SectionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Builds the engines the benchmarks assemble pages with. */
final class Engines {
  /** How many sections a page has in the page benchmarks. */
  static final int SECTIONS = 6;

  private Engines() {}

  /** Every value is served from the cache for an hour once loaded. */
  static SectionPolicy cached() {
    return SectionPolicy.builder()
        .timeout(Duration.ofMillis(500))
        .cacheTtl(Duration.ofHours(1))
        .build();
  }

  /** No caching at all: every page loads every section from its source. */
  static SectionPolicy uncached() {
    return SectionPolicy.builder()
        .timeout(Duration.ofMillis(500))
        .cacheTtl(Duration.ZERO)
        .staleWhileRevalidate(Duration.ZERO)
        .maxStale(Duration.ZERO)
        .build();
  }

  /** The section whose value lays the page out, as the viewer's preferences do in the service. */
  static final SectionKey<String> LAYOUT = SectionKey.of("layout", String.class);

  /**
   * Returns an engine with {@link #SECTIONS} sections {@code s0} to {@code s5} of type {@code
   * Long}, each loaded by the source that {@code sources} makes for its number, laid out by a
   * {@link #LAYOUT} section that shows all six (in memory here, under the same policy).
   */
  static IntroPageEngine engine(SectionPolicy policy, IntFunction<SectionSource<Long>> sources) {
    List<String> order = new ArrayList<>();
    IntroPageEngine.Builder builder =
        IntroPageEngine.builder()
            .pageDeadline(Duration.ofSeconds(1))
            .section(LAYOUT, context -> "all", policy)
            .layout(PageLayout.of(LAYOUT, value -> order));
    for (int i = 0; i < SECTIONS; i++) {
      builder.section(SectionKey.of("s" + i, Long.class), sources.apply(i), policy);
      order.add("s" + i);
    }
    return builder.build();
  }

  /** An instant in-memory source: a small hash of the viewer's id. */
  static SectionSource<Long> instant(int source) {
    return context -> Users.hash(context.viewer().id(), source);
  }

  /**
   * Fails setup if a page is not what the benchmark means to measure, so a misconfigured engine
   * cannot report a fast but meaningless figure.
   */
  static IntroPage expect(IntroPage page, SectionStatus status) {
    if (page.sections().size() != SECTIONS + 1) {
      throw new IllegalStateException("expected the layout and " + SECTIONS + ": " + page);
    }
    for (SectionResult<?> result : page.sections()) {
      if (result.status() != status) {
        throw new IllegalStateException("expected " + status + ": " + result);
      }
    }
    return page;
  }
}
