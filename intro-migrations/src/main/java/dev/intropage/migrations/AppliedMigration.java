package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One row of the schema's history: a migration that ran, when, and whether it succeeded.
 *
 * @param version the version it brought the schema to; 1 or more
 * @param description what it does, from its file name
 * @param script its file name, such as {@code V1__users.sql}
 * @param installedAt when it ran, as the database recorded it
 * @param success whether it succeeded
 */
public record AppliedMigration(
    int version, String description, String script, Instant installedAt, boolean success) {

  /**
   * Validates the row.
   *
   * @throws IllegalArgumentException if the version is less than 1
   */
  public AppliedMigration {
    requireNonNull(description, "description");
    requireNonNull(script, "script");
    requireNonNull(installedAt, "installedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more: " + version);
    }
  }
}
