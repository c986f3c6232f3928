/**
 * Intro Page core: the engine, its records and its ports. Only API packages are exported; {@code
 * dev.intropage.core.internal} is not.
 */
module dev.intropage.core {
  requires static org.jspecify;
  requires com.github.benmanes.caffeine;
  requires dev.failsafe.core;

  exports dev.intropage.core;
  exports dev.intropage.core.model;
  exports dev.intropage.core.actions;
  exports dev.intropage.core.activity;
  exports dev.intropage.core.statistics;
  exports dev.intropage.core.personalization;
  exports dev.intropage.core.system;
  exports dev.intropage.core.sections;
}
