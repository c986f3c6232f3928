package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.IntroPageException;
import java.io.Serial;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Thrown when the runner refuses to migrate or a migration, check or rollback fails. */
public class MigrationException extends IntroPageException {
  @Serial private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final transient @Nullable VerifyReport report;

  /** Creates an exception for a reason. */
  public MigrationException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = requireNonNull(reason, "reason");
    this.report = null;
  }

  /** Creates an exception for a reason, with the failure that caused it. */
  public MigrationException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = requireNonNull(reason, "reason");
    this.report = null;
  }

  /** Creates an exception for failed checks. */
  public MigrationException(Reason reason, String message, VerifyReport report) {
    super(reason + ": " + message);
    this.reason = requireNonNull(reason, "reason");
    this.report = requireNonNull(report, "report");
  }

  /** Returns why the runner failed. */
  public Reason reason() {
    return reason;
  }

  /** Returns the checks that failed, for {@link Reason#VERIFY_FAILED}. */
  public Optional<VerifyReport> report() {
    return Optional.ofNullable(report);
  }

  /** Why the runner failed. */
  public enum Reason {
    /** Applied scripts differ from this build's (checksum or missing script). */
    DRIFT,
    /** The engine or its version is not supported. */
    UNSUPPORTED_ENGINE,
    /** A migration failed; the schema was rolled back to where it started. */
    MIGRATION_FAILED,
    /** The checks after applying failed; the schema was rolled back to where it started. */
    VERIFY_FAILED,
    /** A rollback script failed; on SQLite the backup was restored. */
    ROLLBACK_FAILED,
    /** A migration to undo has no rollback script. */
    MISSING_ROLLBACK_SCRIPT,
    /** The database could not be read or written. */
    DATABASE_ERROR
  }
}
