package dev.intropage.rest;

import dev.intropage.core.IntroPage;
import dev.intropage.core.SectionResult;

/**
 * The {@code Server-Timing} header of a page: each section's time and status, then the total, in
 * milliseconds with one decimal.
 */
final class ServerTiming {
  private ServerTiming() {}

  /** Returns the header's value for the page. */
  static String of(IntroPage page) {
    // Sized for the usual entry, so that the builder need not grow.
    StringBuilder header = new StringBuilder(48 * (page.sections().size() + 1));
    for (SectionResult<?> section : page.sections()) {
      header.append(section.key().name()).append(";dur=");
      appendMillis(header, section.elapsed().toNanos())
          .append(";desc=\"")
          .append(section.status().name())
          .append("\", ");
    }
    return appendMillis(header.append("total;dur="), page.elapsed().toNanos()).toString();
  }

  /** Milliseconds with one decimal, as {@code %.1f} writes them, without a formatter. */
  static String millis(long nanos) {
    return appendMillis(new StringBuilder(8), nanos).toString();
  }

  private static StringBuilder appendMillis(StringBuilder text, long nanos) {
    long tenths = (nanos + 50_000) / 100_000;
    return text.append(tenths / 10).append('.').append(tenths % 10);
  }
}
