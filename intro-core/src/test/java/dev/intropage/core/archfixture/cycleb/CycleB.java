package dev.intropage.core.archfixture.cycleb;

import dev.intropage.core.archfixture.cyclea.CycleA;

/** The other half of a package cycle, on purpose. */
public final class CycleB {
  private CycleB() {}

  /** Returns the other half. */
  public static Class<?> other() {
    return CycleA.class;
  }
}
