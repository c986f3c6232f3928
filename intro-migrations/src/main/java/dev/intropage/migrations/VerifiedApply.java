package dev.intropage.migrations;

import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;

/**
 * Applies the pending migrations and verifies the result; when a migration or a check fails, undoes
 * the migrations this run applied and throws. On SQLite the database file is copied first, so that
 * a failing rollback can be repaired from the copy.
 */
final class VerifiedApply {
  private static final System.Logger LOG = System.getLogger(VerifiedApply.class.getName());

  private final FlywayMigrator flyway;
  private final SchemaVerifier verifier;
  private final SqliteBackups backups;
  private final UndoRunner undo;

  VerifiedApply(
      FlywayMigrator flyway, SchemaVerifier verifier, SqliteBackups backups, UndoRunner undo) {
    this.flyway = flyway;
    this.verifier = verifier;
    this.backups = backups;
    this.undo = undo;
  }

  /**
   * Applies what is pending after {@code before}, which the caller has found safe to apply.
   *
   * @throws MigrationException with {@link Reason#MIGRATION_FAILED} or {@link Reason#VERIFY_FAILED}
   *     after rolling back, or {@link Reason#ROLLBACK_FAILED} if rolling back failed too
   */
  ApplyResult apply(MigrationStatus before) {
    Engine engine = before.engine();
    int start = before.currentVersion();
    if (before.pending().isEmpty()) {
      return new ApplyResult(start, start, List.of(), verifier.verify(before), Optional.empty());
    }
    SchemaVerifier.Baseline baseline = verifier.baseline(engine);
    Optional<Path> backup = backups.take(engine, start);
    try {
      flyway.migrate(engine);
    } catch (FlywayException e) {
      undoAfterFailure(start, backup, String.valueOf(e.getMessage()));
      throw new MigrationException(
          Reason.MIGRATION_FAILED,
          "a migration failed; rolled back to version " + start + ": " + e.getMessage(),
          e);
    }
    MigrationStatus after = flyway.status();
    List<Migration> applied =
        after.applied().stream().filter(migration -> migration.version() > start).toList();
    VerifyReport report = verifier.verify(after, baseline, applied);
    if (!report.passed()) {
      undoAfterFailure(start, backup, "verify failed");
      throw new MigrationException(
          Reason.VERIFY_FAILED,
          "checks failed after applying; rolled back to version "
              + start
              + ": "
              + report.failures(),
          report);
    }
    return new ApplyResult(start, after.currentVersion(), applied, report, backup);
  }

  private void undoAfterFailure(int start, Optional<Path> backup, String cause) {
    MigrationStatus now = flyway.status();
    if (now.currentVersion() > start) {
      undo.undo(now, start, backup);
    }
    LOG.log(System.Logger.Level.WARNING, "rolled back to version {0} because: {1}", start, cause);
  }
}
