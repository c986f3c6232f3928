package dev.intropage.migrations;

import dev.intropage.migrations.MigrationException.Reason;

/** Refuses to change a schema the runner cannot change safely. */
final class SchemaGuard {
  private SchemaGuard() {}

  /**
   * Refuses an unsupported engine or version.
   *
   * @throws MigrationException with {@link Reason#UNSUPPORTED_ENGINE}
   */
  static void requireSupported(MigrationStatus status) {
    if (!status.supported()) {
      throw new MigrationException(Reason.UNSUPPORTED_ENGINE, unsupported(status));
    }
  }

  /**
   * Refuses what {@link #requireSupported} refuses, and applied scripts that differ from this
   * build's.
   *
   * @throws MigrationException with {@link Reason#UNSUPPORTED_ENGINE} or {@link Reason#DRIFT}
   */
  static void requireSafeToApply(MigrationStatus status) {
    requireSupported(status);
    if (!status.drift().isEmpty()) {
      throw new MigrationException(
          Reason.DRIFT, "applied scripts differ: " + String.join("; ", status.drift()));
    }
  }

  /** Says which engine and version is not supported and which are. */
  static String unsupported(MigrationStatus status) {
    return status.engine()
        + " "
        + status.serverVersion()
        + " is not supported (SQLite 3.35+ or PostgreSQL 14+)";
  }
}
