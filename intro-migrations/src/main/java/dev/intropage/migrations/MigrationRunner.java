package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.IntroPageException;
import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Applies, checks and rolls back Intro Page's schema on SQLite or PostgreSQL.
 *
 * <p>Flyway applies the {@code V<n>} scripts; rolling back runs the paired {@code U<n>} scripts,
 * because Flyway's community edition has no undo. {@link #apply()} verifies the result and rolls
 * back to where it started when a migration or a check fails.
 *
 * {@snippet :
 * MigrationRunner runner = MigrationRunner.builder(dataSource).listener(System.out::println).build();
 * MigrationPlan plan = runner.plan();        // refuses on drift or an unsupported engine
 * ApplyResult result = runner.apply();       // verified, or rolled back and thrown
 * runner.rollbackTo(result.fromVersion());   // undo what was just applied
 * }
 *
 * <p>A runner holds no state between calls and is safe to share; calls that change the schema must
 * not run concurrently against one database.
 */
public final class MigrationRunner {
  private final FlywayMigrator flyway;
  private final MigrationPlanner planner;
  private final SchemaVerifier verifier;
  private final SqliteBackups backups;
  private final UndoRunner undo;
  private final VerifiedApply applier;

  private MigrationRunner(Builder builder) {
    List<String> roots = List.copyOf(builder.roots);
    ClassLoader loader = builder.loader;
    Function<Engine, Scripts> scripts = engine -> new Scripts(roots, engine, loader);
    MigrationListener listener = new GuardedListener(builder.listener);
    Database database = new Database(builder.dataSource);
    this.flyway =
        new FlywayMigrator(database, scripts, loader, builder.target, builder.clock, listener);
    this.planner = new MigrationPlanner(database, scripts);
    this.verifier = new SchemaVerifier(database, scripts);
    this.backups = new SqliteBackups(database, builder.clock, listener);
    this.undo = new UndoRunner(database, scripts, backups, builder.clock, listener);
    this.applier = new VerifiedApply(flyway, verifier, backups, undo);
  }

  /**
   * Starts a builder for a runner on a data source.
   *
   * @throws NullPointerException if the data source is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Reads where the schema stands: versions, pending migrations, drift, the engine.
   *
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the database cannot be read
   */
  public MigrationStatus status() {
    return flyway.status();
  }

  /**
   * Reads the schema's history, oldest first: each versioned migration that ran, when, and whether
   * it succeeded.
   *
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the database cannot be read
   */
  public List<AppliedMigration> history() {
    return flyway.history();
  }

  /**
   * Reads the status and, for each pending migration, the tables it touches with their row counts.
   *
   * @throws MigrationException with {@link Reason#DRIFT} or {@link Reason#UNSUPPORTED_ENGINE} when
   *     {@link #apply()} would refuse, or {@link Reason#DATABASE_ERROR}
   */
  public MigrationPlan plan() {
    MigrationStatus status = status();
    SchemaGuard.requireSafeToApply(status);
    return planner.plan(status);
  }

  /**
   * Applies the pending migrations, then verifies the result. On SQLite a backup of the database
   * file is written first ({@code <file>.bak-<version>}). If a migration or a check fails, the
   * migrations applied by this call are rolled back and the exception says why.
   *
   * @throws MigrationException with {@link Reason#DRIFT} or {@link Reason#UNSUPPORTED_ENGINE}
   *     before anything is applied; {@link Reason#MIGRATION_FAILED} or {@link Reason#VERIFY_FAILED}
   *     after rolling back; {@link Reason#ROLLBACK_FAILED} if rolling back failed too (on SQLite
   *     the backup has then been restored)
   */
  public ApplyResult apply() {
    MigrationStatus before = status();
    SchemaGuard.requireSafeToApply(before);
    return applier.apply(before);
  }

  /**
   * Checks the schema as it stands: foreign keys hold and every index the applied versions require
   * is present. {@link #apply()} adds two checks against the state before it ran: no table lost
   * rows (unless a migration carries {@code -- intro:drops-rows}) and the {@code users} rows are
   * unchanged.
   *
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the database cannot be read
   */
  public VerifyReport verify() {
    return verifier.verify(status());
  }

  /**
   * Rolls the schema back to a version by running the paired rollback scripts, newest first, and
   * removing their rows from Flyway's history. On PostgreSQL all scripts run in one transaction; on
   * SQLite each runs in its own, after a backup of the file that is restored if one fails.
   *
   * @param version the version to return to; 0 empties the schema
   * @throws IllegalArgumentException if the version is negative or above the current version
   * @throws MigrationException with {@link Reason#MISSING_ROLLBACK_SCRIPT} before anything runs, or
   *     {@link Reason#ROLLBACK_FAILED} after the database was put back as it was
   */
  public RollbackResult rollbackTo(int version) {
    MigrationStatus status = status();
    SchemaGuard.requireSupported(status);
    if (version < 0 || version > status.currentVersion()) {
      throw new IllegalArgumentException(
          "version must be 0 to " + status.currentVersion() + ": " + version);
    }
    if (version == status.currentVersion()) {
      return new RollbackResult(version, version, List.of());
    }
    Optional<Path> backup = backups.take(status.engine(), status.currentVersion());
    List<Migration> undone = undo.undo(status, version, backup);
    return new RollbackResult(status.currentVersion(), version, undone);
  }

  /**
   * Reports the schema as the system overview's {@code "migrations"} component, with the schema
   * version. Never throws: a database that cannot be read is reported DOWN.
   */
  public SchemaStatus schemaStatus() {
    MigrationStatus status;
    try {
      status = status();
    } catch (IntroPageException e) {
      return SchemaComponent.unreadable(e);
    }
    return SchemaComponent.of(status);
  }

  /**
   * Configures a {@link MigrationRunner}. Not thread-safe; {@link #build()} takes a snapshot, so a
   * builder may be reused.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private MigrationListener listener = MigrationListener.NONE;
    private Clock clock = Clock.systemUTC();
    private final List<String> roots = new ArrayList<>(List.of("db"));
    private ClassLoader loader = MigrationRunner.class.getClassLoader();
    private int target;

    private Builder(DataSource dataSource) {
      this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets the listener that receives the runner's events; by default none.
     *
     * @throws NullPointerException if the listener is null
     */
    public Builder listener(MigrationListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the clock that times migrations; by default the system clock.
     *
     * @throws NullPointerException if the clock is null
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a class-path root laid out like {@code db}: {@code migration/{common,<engine>}} and
     * {@code rollback/{common,<engine>}}. Its versions must not repeat the built-in ones.
     *
     * @throws NullPointerException if the root is null
     * @throws IllegalArgumentException if the root is blank or already added
     */
    public Builder extraScripts(String root) {
      requireNonNull(root, "root");
      if (root.isBlank() || roots.contains(root)) {
        throw new IllegalArgumentException("root must be new and not blank: " + root);
      }
      roots.add(root);
      return this;
    }

    /**
     * Sets the class loader that finds the scripts; by default this library's.
     *
     * @throws NullPointerException if the class loader is null
     */
    public Builder classLoader(ClassLoader loader) {
      this.loader = requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Stops {@link MigrationRunner#apply()} at a version; by default it applies everything. Later
     * migrations are then neither pending nor applied.
     *
     * @throws IllegalArgumentException if the version is less than 1
     */
    public Builder target(int version) {
      if (version < 1) {
        throw new IllegalArgumentException("target must be 1 or more: " + version);
      }
      this.target = version;
      return this;
    }

    /** Builds a runner from the current settings. */
    public MigrationRunner build() {
      return new MigrationRunner(this);
    }
  }
}
