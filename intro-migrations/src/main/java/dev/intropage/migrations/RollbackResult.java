package dev.intropage.migrations;

import java.util.List;

/**
 * What {@link MigrationRunner#rollbackTo(int)} did.
 *
 * @param fromVersion the version before
 * @param toVersion the version after
 * @param rolledBack the migrations undone, newest first
 */
public record RollbackResult(int fromVersion, int toVersion, List<Migration> rolledBack) {

  /** Copies the list. */
  public RollbackResult {
    rolledBack = List.copyOf(rolledBack);
  }
}
