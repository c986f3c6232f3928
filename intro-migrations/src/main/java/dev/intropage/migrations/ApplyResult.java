package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link MigrationRunner#apply()} did.
 *
 * @param fromVersion the version before
 * @param toVersion the version after
 * @param applied the migrations applied, oldest first; empty if none was pending
 * @param verification the checks run after applying; all passed
 * @param backup the SQLite backup taken before applying, if one was taken
 */
public record ApplyResult(
    int fromVersion,
    int toVersion,
    List<Migration> applied,
    VerifyReport verification,
    Optional<Path> backup) {

  /** Validates the result and copies the list. */
  public ApplyResult {
    applied = List.copyOf(applied);
    requireNonNull(verification, "verification");
    requireNonNull(backup, "backup");
  }
}
