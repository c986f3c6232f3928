package dev.intropage.core.activity;

import dev.intropage.core.personalization.Preferences.Theme;

/** Breaks section independence on purpose (activity uses personalization), to see the rule bite. */
final class ArchFixtureReachesIntoPersonalization {
  private ArchFixtureReachesIntoPersonalization() {}

  static Theme borrowed() {
    return Theme.DARK;
  }
}
