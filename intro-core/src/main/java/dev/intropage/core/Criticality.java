package dev.intropage.core;

/** How much the page depends on a section. */
public enum Criticality {
  /** Without a usable value the page cannot be served. */
  REQUIRED,
  /** Falls back when it fails; the page is served degraded. */
  STANDARD,
  /** Shed first under load. */
  OPTIONAL
}
