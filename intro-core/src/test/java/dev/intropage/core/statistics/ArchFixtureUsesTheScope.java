package dev.intropage.core.statistics;

import dev.intropage.core.internal.StructuredScope;

/** Breaks the section rule on purpose: a section reaching into the kernel's insides. */
final class ArchFixtureUsesTheScope {
  private ArchFixtureUsesTheScope() {}

  static StructuredScope<String> scope() {
    return new StructuredScope<>(Thread.ofVirtual().factory());
  }
}
