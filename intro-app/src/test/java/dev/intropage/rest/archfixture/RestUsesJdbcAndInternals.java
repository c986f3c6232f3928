package dev.intropage.rest.archfixture;

import dev.intropage.core.internal.StructuredScope;
import dev.intropage.jdbc.DataSources;

/** Breaks two rules on purpose (a REST class using the JDBC adapter and core's internals). */
public final class RestUsesJdbcAndInternals {
  private RestUsesJdbcAndInternals() {}

  /** Reaches where it must not. */
  public static String misuse() {
    try (var scope = new StructuredScope<String>(Thread.ofVirtual().factory())) {
      scope.fork(() -> "x", System.nanoTime());
    }
    return DataSources.class.getName();
  }
}
