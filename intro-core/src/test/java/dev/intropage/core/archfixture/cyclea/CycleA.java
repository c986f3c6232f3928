package dev.intropage.core.archfixture.cyclea;

import dev.intropage.core.archfixture.cycleb.CycleB;

/** One half of a package cycle, on purpose, so that a test can see the cycle rule bite. */
public final class CycleA {
  private CycleA() {}

  /** Returns the other half. */
  public static Class<?> other() {
    return CycleB.class;
  }
}
