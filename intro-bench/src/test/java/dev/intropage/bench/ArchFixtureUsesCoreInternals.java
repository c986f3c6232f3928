package dev.intropage.bench;

import dev.intropage.core.internal.StructuredScope;

/** Breaks the public-API rule on purpose: a benchmark reaching into core's internals. */
final class ArchFixtureUsesCoreInternals {
  private ArchFixtureUsesCoreInternals() {}

  static StructuredScope<Long> scope() {
    return new StructuredScope<>(Thread.ofVirtual().factory());
  }
}
