package dev.intropage.migrations;

/**
 * Receives the runner's events, on the thread that runs the migration.
 *
 * <p>Implementations must be fast and must not throw; an exception is logged and ignored.
 */
@FunctionalInterface
public interface MigrationListener {

  /** A listener that ignores every event. */
  MigrationListener NONE = event -> {};

  /** Called for each event, in order. */
  void onEvent(MigrationEvent event);
}
