package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Something the runner did, reported to the {@link MigrationListener}.
 *
 * @param kind what happened
 * @param version the migration's version, or for a backup the version it holds
 * @param detail the migration's description, a backup's path or a failure's message
 * @param elapsed how long it took; zero for events that mark a start
 */
public record MigrationEvent(Kind kind, int version, String detail, Duration elapsed) {

  /** Validates the event. */
  public MigrationEvent {
    requireNonNull(kind, "kind");
    requireNonNull(detail, "detail");
    requireNonNull(elapsed, "elapsed");
  }

  /** What happened. */
  public enum Kind {
    /** A migration started. */
    STARTED,
    /** A migration finished. */
    FINISHED,
    /** A migration failed and its transaction was rolled back. */
    FAILED,
    /** A SQLite backup was written. */
    BACKUP_TAKEN,
    /** A rollback script ran and its history row was removed. */
    ROLLED_BACK,
    /** A SQLite backup was restored after a rollback script failed. */
    BACKUP_RESTORED
  }
}
