package dev.intropage.archfixture;

import dev.intropage.core.internal.StructuredScope;

/** Reaches into core's internals from outside core, on purpose, to see the rule bite. */
public final class UsesCoreInternals {
  private UsesCoreInternals() {}

  /** Opens a scope it has no business opening. */
  public static void misuse() {
    try (var scope = new StructuredScope<String>(Thread.ofVirtual().factory())) {
      scope.fork(() -> "x", System.nanoTime());
    }
  }
}
