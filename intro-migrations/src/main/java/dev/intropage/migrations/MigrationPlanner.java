package dev.intropage.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lists, for each pending migration, the tables its SQL touches with their row counts now. */
final class MigrationPlanner {
  private final Database database;
  private final Function<Engine, Scripts> scripts;

  MigrationPlanner(Database database, Function<Engine, Scripts> scripts) {
    this.database = database;
    this.scripts = scripts;
  }

  /**
   * Plans the pending migrations of a status the caller has found safe to apply.
   *
   * @throws MigrationException with {@link MigrationException.Reason#DATABASE_ERROR}
   */
  MigrationPlan plan(MigrationStatus status) {
    Scripts found = scripts.apply(status.engine());
    return database.withConnection(
        status.engine(),
        connection -> {
          Catalog catalog = new Catalog(status.engine());
          List<MigrationPlan.Step> steps = new ArrayList<>();
          for (Migration migration : status.pending()) {
            List<MigrationPlan.TouchedTable> tables = new ArrayList<>();
            for (String table :
                Scripts.touchedTables(found.migrationSql(migration.script()).orElse(""))) {
              tables.add(
                  new MigrationPlan.TouchedTable(table, catalog.rowCount(connection, table)));
            }
            steps.add(new MigrationPlan.Step(migration, tables));
          }
          return new MigrationPlan(status, steps);
        });
  }
}
