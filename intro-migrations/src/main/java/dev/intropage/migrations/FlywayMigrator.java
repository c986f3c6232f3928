package dev.intropage.migrations;

import dev.intropage.migrations.Database.Server;
import dev.intropage.migrations.MigrationException.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Reads and applies the {@code V<n>} scripts with Flyway, configured with this build's script
 * locations and target. Flyway's clean is disabled: nothing here may drop the whole schema.
 */
final class FlywayMigrator {
  private final Database database;
  private final Function<Engine, Scripts> scripts;
  private final ClassLoader loader;
  private final int target;
  private final Clock clock;
  private final MigrationListener listener;

  /**
   * Creates a migrator.
   *
   * @param target the version to stop at; 0 applies everything
   */
  FlywayMigrator(
      Database database,
      Function<Engine, Scripts> scripts,
      ClassLoader loader,
      int target,
      Clock clock,
      MigrationListener listener) {
    this.database = database;
    this.scripts = scripts;
    this.loader = loader;
    this.target = target;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Reads where the schema stands. An unknown engine is reported as unsupported without asking
   * Flyway.
   *
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the database cannot be read
   */
  MigrationStatus status() {
    Server server = database.server();
    if (server.engine() == Engine.OTHER) {
      return new MigrationStatus(
          server.engine(), server.version(), false, 0, List.of(), List.of(), List.of(), false);
    }
    try {
      Flyway flyway = configure(server.engine()).load();
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
      throw new MigrationException(Reason.DATABASE_ERROR, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Reads the schema's history, oldest first: every versioned migration that ran, failed ones
   * included. An unknown engine has none.
   *
   * @throws MigrationException with {@link Reason#DATABASE_ERROR} if the database cannot be read
   */
  List<AppliedMigration> history() {
    Server server = database.server();
    if (server.engine() == Engine.OTHER) {
      return List.of();
    }
    try {
      List<AppliedMigration> history = new ArrayList<>();
      for (MigrationInfo migration : configure(server.engine()).load().info().applied()) {
        if (migration.getVersion() != null && migration.getInstalledOn() != null) {
          history.add(
              new AppliedMigration(
                  Integer.parseInt(migration.getVersion().getVersion()),
                  migration.getDescription(),
                  migration.getScript(),
                  migration.getInstalledOn().toInstant(),
                  !migration.getState().isFailed()));
        }
      }
      return history;
    } catch (FlywayException e) {
      throw new MigrationException(Reason.DATABASE_ERROR, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Applies the pending migrations, each in its own transaction, reporting each one's start and end
   * to the listener.
   *
   * @throws FlywayException if a migration fails; the ones before it stay applied
   */
  void migrate(Engine engine) {
    configure(engine).callbacks(new FlywayEvents(clock, listener::onEvent)).load().migrate();
  }

  private FluentConfiguration configure(Engine engine) {
    FluentConfiguration configuration =
        Flyway.configure(loader)
            .dataSource(database.dataSource(engine))
            .locations(scripts.apply(engine).flywayLocations().toArray(String[]::new))
            .cleanDisabled(true)
            .ignoreMigrationPatterns("*:pending", "*:future");
    if (target > 0) {
      configuration.target(Integer.toString(target));
    }
    return configuration;
  }

  /** Describes each applied script that differs from this build's; empty when all match. */
  static List<String> drift(ValidateResult result) {
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
}
