package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

/**
 * What {@link MigrationRunner#apply()} would do: the status and, per pending migration, the tables
 * it touches with their current row counts.
 *
 * @param status the schema's status
 * @param steps one step per pending migration, oldest first
 */
public record MigrationPlan(MigrationStatus status, List<Step> steps) {

  /** Validates the plan and copies the steps. */
  public MigrationPlan {
    requireNonNull(status, "status");
    steps = List.copyOf(steps);
  }

  /**
   * One pending migration.
   *
   * @param migration the migration
   * @param tables the tables its SQL creates, alters, drops or writes, in order of appearance
   */
  public record Step(Migration migration, List<TouchedTable> tables) {

    /** Validates the step and copies the tables. */
    public Step {
      requireNonNull(migration, "migration");
      tables = List.copyOf(tables);
    }
  }

  /**
   * A table a migration touches.
   *
   * @param name the table's name
   * @param rows its row count now, or empty if it does not exist yet
   */
  public record TouchedTable(String name, OptionalLong rows) {

    /** Validates the table. */
    public TouchedTable {
      requireNonNull(name, "name");
      requireNonNull(rows, "rows");
    }
  }
}
