package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.IntroPageException;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.jspecify.annotations.Nullable;

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
  private static final System.Logger LOG = System.getLogger(MigrationRunner.class.getName());
  private static final Pattern SQLITE_URL_OPTIONS = Pattern.compile("\\?.*$");

  /** The indexes each version adds, checked by {@link #verify()} for every applied version. */
  static final Map<Integer, List<String>> REQUIRED_INDEXES =
      Map.of(
          1, List.of("idx_user_teams_team"),
          2, List.of("idx_activity_events_actor", "idx_activity_events_team"),
          3, List.of("idx_action_items_owner"),
          5, List.of("idx_idempotency_records_created"),
          6, List.of("idx_maintenance_notices_starts"));

  /** The table whose rows must come through every migration unchanged. */
  static final String CRITICAL_TABLE = "users";

  private final DataSource dataSource;
  private final MigrationListener listener;
  private final Clock clock;
  private final List<String> roots;
  private final ClassLoader loader;
  private final int target;

  private MigrationRunner(Builder builder) {
    this.dataSource = builder.dataSource;
    this.listener = builder.listener;
    this.clock = builder.clock;
    this.roots = List.copyOf(builder.roots);
    this.loader = builder.loader;
    this.target = builder.target;
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
    Server server = server();
    if (server.engine() == Engine.OTHER) {
      return new MigrationStatus(
          server.engine(), server.version(), false, 0, List.of(), List.of(), List.of(), false);
    }
    try {
      Flyway flyway = flyway(server.engine(), null);
      MigrationInfoService info = flyway.info();
      List<Migration> applied = new ArrayList<>();
      boolean failed = false;
      for (MigrationInfo migration : info.applied()) {
        failed |= migration.getState().isFailed();
        if (migration.getVersion() != null && migration.getState().isApplied()) {
          applied.add(toMigration(migration));
        }
      }
      List<Migration> pending = new ArrayList<>();
      for (MigrationInfo migration : info.pending()) {
        pending.add(toMigration(migration));
      }
      MigrationInfo current = info.current();
      int currentVersion =
          current == null || current.getVersion() == null
              ? 0
              : Integer.parseInt(current.getVersion().getVersion());
      return new MigrationStatus(
          server.engine(),
          server.version(),
          server.engine().supports(server.version()),
          currentVersion,
          applied,
          pending,
          drift(flyway.validateWithResult()),
          failed);
    } catch (FlywayException e) {
      throw new MigrationException(Reason.DATABASE_ERROR, message(e), e);
    }
  }

  /**
   * Reads the status and, for each pending migration, the tables it touches with their row counts.
   *
   * @throws MigrationException with {@link Reason#DRIFT} or {@link Reason#UNSUPPORTED_ENGINE} when
   *     {@link #apply()} would refuse, or {@link Reason#DATABASE_ERROR}
   */
  public MigrationPlan plan() {
    MigrationStatus status = status();
    refuseIfUnsafe(status);
    Scripts scripts = scripts(status.engine());
    return withConnection(
        status.engine(),
        connection -> {
          Catalog catalog = new Catalog(status.engine());
          List<MigrationPlan.Step> steps = new ArrayList<>();
          for (Migration migration : status.pending()) {
            List<MigrationPlan.TouchedTable> tables = new ArrayList<>();
            for (String table :
                Scripts.touchedTables(scripts.migrationSql(migration.script()).orElse(""))) {
              tables.add(
                  new MigrationPlan.TouchedTable(table, catalog.rowCount(connection, table)));
            }
            steps.add(new MigrationPlan.Step(migration, tables));
          }
          return new MigrationPlan(status, steps);
        });
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
    refuseIfUnsafe(before);
    Engine engine = before.engine();
    int start = before.currentVersion();
    if (before.pending().isEmpty()) {
      return new ApplyResult(start, start, List.of(), verify(), Optional.empty());
    }
    Baseline baseline = withConnection(engine, connection -> baseline(engine, connection));
    Optional<Path> backup = backup(engine, start);
    try {
      flyway(engine, new FlywayEvents(clock, this::emit)).migrate();
    } catch (FlywayException e) {
      undoAfterFailure(start, backup, message(e));
      throw new MigrationException(
          Reason.MIGRATION_FAILED,
          "a migration failed; rolled back to version " + start + ": " + message(e),
          e);
    }
    MigrationStatus after = status();
    List<Migration> applied =
        after.applied().stream().filter(migration -> migration.version() > start).toList();
    VerifyReport report = verify(after, Optional.of(baseline), applied);
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

  /**
   * Checks the schema as it stands: foreign keys hold and every index the applied versions require
   * is present. {@link #apply()} adds two checks against the state before it ran: no table lost
   * rows (unless a migration carries {@code -- intro:drops-rows}) and the {@code users} rows are
   * unchanged.
   *
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the database cannot be read
   */
  public VerifyReport verify() {
    return verify(status(), Optional.empty(), List.of());
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
    if (!status.supported()) {
      throw new MigrationException(Reason.UNSUPPORTED_ENGINE, unsupported(status));
    }
    if (version < 0 || version > status.currentVersion()) {
      throw new IllegalArgumentException(
          "version must be 0 to " + status.currentVersion() + ": " + version);
    }
    if (version == status.currentVersion()) {
      return new RollbackResult(version, version, List.of());
    }
    Optional<Path> backup = backup(status.engine(), status.currentVersion());
    List<Migration> undone = undo(status, version, backup);
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
      return new SchemaStatus(
          component(ComponentState.DOWN, "cannot read the schema: " + message(e)),
          Optional.empty());
    }
    ComponentStatus component;
    if (!status.supported()) {
      component = component(ComponentState.DOWN, unsupported(status));
    } else if (!status.drift().isEmpty()) {
      component = component(ComponentState.DOWN, "drift: " + String.join("; ", status.drift()));
    } else if (status.failed()) {
      component = component(ComponentState.DOWN, "a migration failed; see flyway_schema_history");
    } else if (!status.pending().isEmpty()) {
      component =
          component(
              ComponentState.DEGRADED,
              status.pending().size()
                  + " pending migration(s) after version "
                  + status.currentVersion());
    } else {
      component = component(ComponentState.UP, "schema version " + status.currentVersion());
    }
    return new SchemaStatus(component, status.schemaVersion());
  }

  private static ComponentStatus component(ComponentState state, String detail) {
    return new ComponentStatus("migrations", state, detail, true);
  }

  private VerifyReport verify(
      MigrationStatus status, Optional<Baseline> baseline, List<Migration> applied) {
    Engine engine = status.engine();
    Scripts scripts = scripts(engine);
    Set<String> exempt = new HashSet<>();
    for (Migration migration : applied) {
      String sql = scripts.migrationSql(migration.script()).orElse("");
      if (Scripts.dropsRows(sql)) {
        exempt.addAll(Scripts.touchedTables(sql));
      }
    }
    return withConnection(
        engine,
        connection -> {
          Catalog catalog = new Catalog(engine);
          List<VerifyReport.Check> checks = new ArrayList<>();
          List<String> violations = catalog.foreignKeyViolations(connection);
          checks.add(
              new VerifyReport.Check(
                  "foreign-keys",
                  violations.isEmpty(),
                  violations.isEmpty() ? "all hold" : String.join("; ", violations)));
          Set<String> missing = new TreeSet<>();
          Set<String> present = catalog.indexes(connection);
          REQUIRED_INDEXES.forEach(
              (version, names) -> {
                if (version <= status.currentVersion()) {
                  names.stream().filter(name -> !present.contains(name)).forEach(missing::add);
                }
              });
          checks.add(
              new VerifyReport.Check(
                  "indexes",
                  missing.isEmpty(),
                  missing.isEmpty() ? "all required indexes present" : "missing " + missing));
          if (baseline.isPresent()) {
            checks.addAll(compare(catalog, connection, baseline.get(), exempt));
          }
          return new VerifyReport(checks);
        });
  }

  private static List<VerifyReport.Check> compare(
      Catalog catalog, Connection connection, Baseline baseline, Set<String> exempt)
      throws SQLException {
    List<VerifyReport.Check> checks = new ArrayList<>();
    Map<String, Long> now = catalog.rowCounts(connection);
    baseline
        .rowCounts()
        .forEach(
            (table, before) -> {
              long after = now.getOrDefault(table, 0L);
              boolean allowed = after >= before || exempt.contains(table);
              checks.add(
                  new VerifyReport.Check(
                      "row-count:" + table,
                      allowed,
                      before
                          + " -> "
                          + after
                          + (after < before && allowed ? " (migration declares drops-rows)" : "")));
            });
    if (!baseline.criticalColumns().isEmpty()) {
      String hash = catalog.hash(connection, CRITICAL_TABLE, baseline.criticalColumns());
      boolean same = hash.equals(baseline.criticalHash());
      checks.add(
          new VerifyReport.Check(
              "checksum:" + CRITICAL_TABLE,
              same || exempt.contains(CRITICAL_TABLE),
              same ? "unchanged" : "rows changed"));
    }
    return checks;
  }

  private static Baseline baseline(Engine engine, Connection connection) throws SQLException {
    Catalog catalog = new Catalog(engine);
    List<String> columns = catalog.columns(connection, CRITICAL_TABLE);
    return new Baseline(
        catalog.rowCounts(connection), columns, catalog.hash(connection, CRITICAL_TABLE, columns));
  }

  private void undoAfterFailure(int start, Optional<Path> backup, String cause) {
    MigrationStatus now = status();
    if (now.currentVersion() > start) {
      undo(now, start, backup);
    }
    LOG.log(System.Logger.Level.WARNING, "rolled back to version {0} because: {1}", start, cause);
  }

  private List<Migration> undo(MigrationStatus status, int toVersion, Optional<Path> backup) {
    Scripts scripts = scripts(status.engine());
    List<Migration> toUndo =
        status.applied().stream()
            .filter(migration -> migration.version() > toVersion)
            .sorted((a, b) -> Integer.compare(b.version(), a.version()))
            .toList();
    List<String> sql = new ArrayList<>();
    for (Migration migration : toUndo) {
      sql.add(
          scripts
              .rollbackSql(migration.script())
              .orElseThrow(
                  () ->
                      new MigrationException(
                          Reason.MISSING_ROLLBACK_SCRIPT,
                          "no rollback script for " + migration.script())));
    }
    boolean oneTransaction = status.engine() == Engine.POSTGRESQL;
    try (Connection connection = dataSource(status.engine()).getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (int i = 0; i < toUndo.size(); i++) {
          Migration migration = toUndo.get(i);
          Instant started = clock.instant();
          try (Statement statement = connection.createStatement()) {
            for (String part : Scripts.statements(sql.get(i))) {
              statement.execute(part);
            }
          }
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM " + Catalog.HISTORY_TABLE + " WHERE version = ?")) {
            delete.setString(1, Integer.toString(migration.version()));
            delete.executeUpdate();
          }
          if (!oneTransaction) {
            connection.commit();
          }
          emit(
              new MigrationEvent(
                  MigrationEvent.Kind.ROLLED_BACK,
                  migration.version(),
                  migration.description(),
                  Duration.between(started, clock.instant())));
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      String restored = restore(backup);
      throw new MigrationException(
          Reason.ROLLBACK_FAILED, "a rollback script failed (" + message(e) + "); " + restored, e);
    }
    return toUndo;
  }

  private Optional<Path> backup(Engine engine, int version) {
    if (engine != Engine.SQLITE) {
      return Optional.empty();
    }
    return withConnection(
        engine,
        connection -> {
          Optional<Path> file = sqliteFile(connection);
          if (file.isEmpty()) {
            return Optional.<Path>empty();
          }
          Path backup = file.get().resolveSibling(file.get().getFileName() + ".bak-" + version);
          Instant started = clock.instant();
          try {
            Files.deleteIfExists(backup);
          } catch (java.io.IOException e) {
            throw new MigrationException(
                Reason.DATABASE_ERROR, "cannot replace the old backup " + backup, e);
          }
          try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO " + literal(backup.toString()));
          }
          emit(
              new MigrationEvent(
                  MigrationEvent.Kind.BACKUP_TAKEN,
                  version,
                  backup.toString(),
                  Duration.between(started, clock.instant())));
          return Optional.of(backup);
        });
  }

  /** Restores a SQLite backup with the xerial driver's {@code restore from} command. */
  private String restore(Optional<Path> backup) {
    if (backup.isEmpty()) {
      return "the transaction was rolled back";
    }
    Instant started = clock.instant();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("restore from " + literal(backup.get().toString()));
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.ERROR, "cannot restore the backup " + backup.get(), e);
      return "restoring the backup failed too ("
          + message(e)
          + "); copy "
          + backup.get()
          + " over the database file by hand";
    }
    emit(
        new MigrationEvent(
            MigrationEvent.Kind.BACKUP_RESTORED,
            0,
            backup.get().toString(),
            Duration.between(started, clock.instant())));
    return "the backup " + backup.get() + " was restored";
  }

  private static Optional<Path> sqliteFile(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        String file = rs.getString("file");
        if ("main".equals(rs.getString("name")) && file != null && !file.isEmpty()) {
          return Optional.of(Path.of(SQLITE_URL_OPTIONS.matcher(file).replaceAll("")));
        }
      }
    }
    return Optional.empty();
  }

  private static String message(Throwable e) {
    return String.valueOf(e.getMessage());
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static void refuseIfUnsafe(MigrationStatus status) {
    if (!status.supported()) {
      throw new MigrationException(Reason.UNSUPPORTED_ENGINE, unsupported(status));
    }
    if (!status.drift().isEmpty()) {
      throw new MigrationException(
          Reason.DRIFT, "applied scripts differ: " + String.join("; ", status.drift()));
    }
  }

  private static String unsupported(MigrationStatus status) {
    return status.engine()
        + " "
        + status.serverVersion()
        + " is not supported (SQLite 3.35+ or PostgreSQL 14+)";
  }

  private static List<String> drift(ValidateResult result) {
    if (result.validationSuccessful) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (ValidateOutput output : result.invalidMigrations) {
      problems.add(
          "version "
              + output.version
              + ": "
              + (output.errorDetails == null ? "invalid" : output.errorDetails.errorMessage));
    }
    if (problems.isEmpty()) {
      problems.add(result.getAllErrorMessages());
    }
    return problems;
  }

  private static Migration toMigration(MigrationInfo info) {
    return new Migration(
        Integer.parseInt(info.getVersion().getVersion()), info.getDescription(), info.getScript());
  }

  private Flyway flyway(Engine engine, @Nullable Callback callback) {
    FluentConfiguration configuration =
        Flyway.configure(loader)
            .dataSource(dataSource(engine))
            .locations(scripts(engine).flywayLocations().toArray(String[]::new))
            .cleanDisabled(true)
            .ignoreMigrationPatterns("*:pending", "*:future");
    if (target > 0) {
      configuration.target(Integer.toString(target));
    }
    if (callback != null) {
      configuration.callbacks(callback);
    }
    return configuration.load();
  }

  private Scripts scripts(Engine engine) {
    return new Scripts(roots, engine, loader);
  }

  private DataSource dataSource(Engine engine) {
    return engine == Engine.SQLITE ? new ForeignKeysDataSource(dataSource) : dataSource;
  }

  private Server server() {
    try (Connection connection = dataSource.getConnection()) {
      Engine engine = Engine.fromProductName(connection.getMetaData().getDatabaseProductName());
      String version =
          switch (engine) {
            case SQLITE -> single(connection, "SELECT sqlite_version()");
            case POSTGRESQL -> single(connection, "SHOW server_version");
            case OTHER -> connection.getMetaData().getDatabaseProductVersion();
          };
      return new Server(engine, version);
    } catch (SQLException e) {
      throw new MigrationException(Reason.DATABASE_ERROR, message(e), e);
    }
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return requireNonNull(rs.getString(1), sql);
    }
  }

  private <T> T withConnection(Engine engine, SqlWork<T> work) {
    try (Connection connection = dataSource(engine).getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new MigrationException(Reason.DATABASE_ERROR, message(e), e);
    }
  }

  private void emit(MigrationEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "migration listener failed on " + event, e);
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private record Server(Engine engine, String version) {}

  private record Baseline(
      Map<String, Long> rowCounts, List<String> criticalColumns, String criticalHash) {}

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
