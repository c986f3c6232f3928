package dev.intropage.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks a schema: foreign keys hold and the indexes of the applied versions exist. Against a
 * {@link Baseline} read before applying, it also checks that no table lost rows unless a migration
 * declares {@code -- intro:drops-rows}, and that the {@code users} rows are unchanged.
 */
final class SchemaVerifier {
  /** The indexes each version adds, required for every applied version. */
  static final Map<Integer, List<String>> REQUIRED_INDEXES =
      Map.of(
          1, List.of("idx_user_teams_team"),
          2, List.of("idx_activity_events_actor", "idx_activity_events_team"),
          3, List.of("idx_action_items_owner"),
          5, List.of("idx_idempotency_records_created"),
          6, List.of("idx_maintenance_notices_starts"));

  /** The table whose rows must come through every migration unchanged. */
  static final String CRITICAL_TABLE = "users";

  private final Database database;
  private final Function<Engine, Scripts> scripts;

  SchemaVerifier(Database database, Function<Engine, Scripts> scripts) {
    this.database = database;
    this.scripts = scripts;
  }

  /**
   * Reads what {@link #verify(MigrationStatus, Baseline, List)} compares with: every table's row
   * count and a hash of the critical table's rows.
   *
   * @throws MigrationException with {@link MigrationException.Reason#DATABASE_ERROR}
   */
  Baseline baseline(Engine engine) {
    return database.withConnection(
        engine,
        connection -> {
          Catalog catalog = new Catalog(engine);
          List<String> columns = catalog.columns(connection, CRITICAL_TABLE);
          return new Baseline(
              catalog.rowCounts(connection),
              columns,
              catalog.hash(connection, CRITICAL_TABLE, columns));
        });
  }

  /**
   * Checks the schema as it stands: foreign keys and required indexes.
   *
   * @throws MigrationException with {@link MigrationException.Reason#DATABASE_ERROR}
   */
  VerifyReport verify(MigrationStatus status) {
    return check(status, Optional.empty(), Set.of());
  }

  /**
   * Checks the schema after applying migrations, adding the comparison with the baseline.
   *
   * @param applied the migrations applied since the baseline; the tables of those that declare
   *     {@code -- intro:drops-rows} may lose rows
   * @throws MigrationException with {@link MigrationException.Reason#DATABASE_ERROR}
   */
  VerifyReport verify(MigrationStatus status, Baseline baseline, List<Migration> applied) {
    Scripts found = scripts.apply(status.engine());
    Set<String> exempt = new HashSet<>();
    for (Migration migration : applied) {
      String sql = found.migrationSql(migration.script()).orElse("");
      if (Scripts.dropsRows(sql)) {
        exempt.addAll(Scripts.touchedTables(sql));
      }
    }
    return check(status, Optional.of(baseline), exempt);
  }

  private VerifyReport check(
      MigrationStatus status, Optional<Baseline> baseline, Set<String> exempt) {
    Engine engine = status.engine();
    return database.withConnection(
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
          Set<String> missing = missingIndexes(catalog.indexes(connection), status);
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

  private static Set<String> missingIndexes(Set<String> present, MigrationStatus status) {
    Set<String> missing = new TreeSet<>();
    REQUIRED_INDEXES.forEach(
        (version, names) -> {
          if (version <= status.currentVersion()) {
            names.stream().filter(name -> !present.contains(name)).forEach(missing::add);
          }
        });
    return missing;
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

  /**
   * The state before applying that the checks compare with.
   *
   * @param rowCounts every user table's row count
   * @param criticalColumns the critical table's columns; empty if it does not exist yet
   * @param criticalHash a hash of the critical table's rows over those columns
   */
  record Baseline(Map<String, Long> rowCounts, List<String> criticalColumns, String criticalHash) {}
}
