package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

/**
 * One versioned migration, applied or pending.
 *
 * @param version the version it brings the schema to; 1 or more
 * @param description what it does, from its file name
 * @param script its file name, such as {@code V1__users.sql}
 */
public record Migration(int version, String description, String script) {

  /**
   * Validates the migration.
   *
   * @throws IllegalArgumentException if the version is less than 1
   */
  public Migration {
    requireNonNull(description, "description");
    requireNonNull(script, "script");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more: " + version);
    }
  }
}
