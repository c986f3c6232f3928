package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.migrations.MigrationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The runner's behaviour, run against a real engine by each subclass: a fresh database per test.
 */
abstract class MigrationContract {
  static final int LATEST = 6;

  /** A new, empty database. */
  abstract DataSource freshDatabase() throws Exception;

  abstract Engine engine();

  MigrationRunner.Builder runner(DataSource dataSource) {
    return MigrationRunner.builder(dataSource);
  }

  @Test
  void apply_freshDatabase_reachesLatestAndVerifies() throws Exception {
    DataSource db = freshDatabase();
    List<MigrationEvent> events = new ArrayList<>();
    MigrationRunner runner = runner(db).listener(events::add).build();

    ApplyResult result = runner.apply();

    MigrationStatus status = runner.status();
    assertThat(result.fromVersion()).isZero();
    assertThat(result.toVersion()).isEqualTo(LATEST);
    assertThat(result.applied()).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(result.verification().passed()).isTrue();
    assertThat(status.currentVersion()).isEqualTo(LATEST);
    assertThat(status.pending()).isEmpty();
    assertThat(status.drift()).isEmpty();
    assertThat(status.engine()).isEqualTo(engine());
    assertThat(status.supported()).isTrue();
    assertThat(status.upToDate()).isTrue();
    assertThat(runner.verify().passed()).isTrue();
    assertThat(runner.verify().checks())
        .extracting(VerifyReport.Check::name)
        .containsExactly("foreign-keys", "indexes");
    assertThat(events)
        .filteredOn(event -> event.kind() == MigrationEvent.Kind.FINISHED)
        .extracting(MigrationEvent::version)
        .containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(events)
        .filteredOn(event -> event.kind() == MigrationEvent.Kind.STARTED)
        .hasSize(LATEST);
    assertThat(runner.apply().applied()).as("a second apply has nothing to do").isEmpty();
  }

  @Test
  void rollbackTo_everyVersion_restoresPreviousCatalogAndData() throws Exception {
    DataSource db = freshDatabase();
    for (int n = 1; n <= LATEST; n++) {
      if (n > 1) {
        runner(db).target(n - 1).build().apply();
        Seed.upTo(db, n - 1, "at" + (n - 1));
      }
      Snapshot before = Snapshot.read(db, engine());
      runner(db).target(n).build().apply();
      Seed.upTo(db, n, "at" + n + "-extra");

      RollbackResult result = runner(db).build().rollbackTo(n - 1);

      assertThat(result.rolledBack()).extracting(Migration::version).containsExactly(n);
      assertThat(runner(db).target(n).build().status().currentVersion()).isEqualTo(n - 1);
      Snapshot after = Snapshot.read(db, engine());
      assertThat(after.catalog())
          .as("catalog after rolling back V%d", n)
          .isEqualTo(before.catalog());
      if (n > 1) {
        assertThat(after.data())
            .as("data of version %d after rolling back V%d", n - 1, n)
            .containsAll(before.data());
      }
      runner(db).target(n).build().apply();
    }
  }

  @Test
  void apply_migrationDropsRequiredIndex_failsVerifyAndRollsBackExactly() throws Exception {
    DataSource db = freshDatabase();
    runner(db).build().apply();
    Seed.upTo(db, LATEST, "x");
    Snapshot before = Snapshot.read(db, engine());
    MigrationRunner broken = runner(db).extraScripts("broken/drops-index").build();

    assertThatThrownBy(broken::apply)
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.VERIFY_FAILED);
              assertThat(e.report().orElseThrow().failures())
                  .extracting(VerifyReport.Check::name)
                  .containsExactly("indexes");
            });

    assertThat(broken.status().currentVersion()).isEqualTo(LATEST);
    assertThat(Snapshot.read(db, engine())).isEqualTo(before);
  }

  @Test
  void apply_migrationDeletesRowsUndeclared_failsVerifyAndRollsBack() throws Exception {
    DataSource db = freshDatabase();
    runner(db).build().apply();
    Seed.upTo(db, LATEST, "x");
    Snapshot before = Snapshot.read(db, engine());
    MigrationRunner broken = runner(db).extraScripts("broken/deletes-rows").build();

    assertThatThrownBy(broken::apply)
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.VERIFY_FAILED);
              assertThat(e.report().orElseThrow().failures())
                  .extracting(VerifyReport.Check::name)
                  .containsExactly("row-count:idempotency_records");
            });

    assertThat(broken.status().currentVersion()).isEqualTo(LATEST);
    assertThat(Snapshot.read(db, engine()).catalog()).isEqualTo(before.catalog());
  }

  @Test
  void apply_migrationFails_rollsBackTheMigrationsOfThisRun() throws Exception {
    DataSource db = freshDatabase();
    runner(db).build().apply();
    Seed.upTo(db, LATEST, "x");
    Snapshot before = Snapshot.read(db, engine());
    List<MigrationEvent> events = new ArrayList<>();
    MigrationRunner broken = runner(db).extraScripts("broken/fails").listener(events::add).build();

    assertThatThrownBy(broken::apply)
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MIGRATION_FAILED);
              assertThat(e).hasMessageContaining("rolled back to version " + LATEST);
            });

    assertThat(events)
        .extracting(MigrationEvent::kind, MigrationEvent::version)
        .contains(
            tuple(MigrationEvent.Kind.FINISHED, 7),
            tuple(MigrationEvent.Kind.FAILED, 8),
            tuple(MigrationEvent.Kind.ROLLED_BACK, 7));
    assertThat(broken.status().currentVersion()).isEqualTo(LATEST);
    assertThat(Snapshot.read(db, engine())).isEqualTo(before);
  }

  @Test
  void apply_migrationDeclaresDropsRows_passesVerify() throws Exception {
    DataSource db = freshDatabase();
    runner(db).build().apply();
    Seed.upTo(db, LATEST, "x");
    MigrationRunner runner = runner(db).extraScripts("broken/declared-drop").build();

    ApplyResult result = runner.apply();

    assertThat(result.toVersion()).isEqualTo(7);
    assertThat(result.verification().checks())
        .filteredOn(check -> check.name().equals("row-count:idempotency_records"))
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.passed()).isTrue();
              assertThat(check.detail()).contains("1 -> 0", "drops-rows");
            });
    assertThat(result.verification().checks())
        .extracting(VerifyReport.Check::name)
        .contains("checksum:users", "row-count:users");
  }

  @Test
  void plan_pendingMigrations_listsTouchedTablesWithRowCounts() throws Exception {
    DataSource db = freshDatabase();
    MigrationRunner fresh = runner(db).build();

    MigrationPlan empty = fresh.plan();

    assertThat(empty.steps()).hasSize(LATEST);
    assertThat(empty.steps().get(0).tables())
        .containsExactly(
            new MigrationPlan.TouchedTable("users", OptionalLong.empty()),
            new MigrationPlan.TouchedTable("user_teams", OptionalLong.empty()));
    fresh.apply();
    Seed.upTo(db, LATEST, "x");

    MigrationPlan plan = runner(db).extraScripts("broken/deletes-rows").build().plan();

    assertThat(plan.status().currentVersion()).isEqualTo(LATEST);
    assertThat(plan.steps())
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.migration().version()).isEqualTo(7);
              assertThat(step.tables())
                  .containsExactly(
                      new MigrationPlan.TouchedTable("idempotency_records", OptionalLong.of(1)));
            });
  }

  @Test
  void planAndApply_checksumDrift_refuseWithDriftReason() throws Exception {
    DataSource db = freshDatabase();
    MigrationRunner runner = runner(db).target(4).build();
    runner.apply();
    Snapshot.execute(
        db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");
    MigrationRunner latest = runner(db).build();

    assertThat(latest.status().drift()).singleElement().asString().startsWith("version 3");
    assertThatThrownBy(latest::plan)
        .isInstanceOfSatisfying(
            MigrationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DRIFT));
    assertThatThrownBy(latest::apply)
        .isInstanceOfSatisfying(
            MigrationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DRIFT));
    assertThat(latest.status().currentVersion()).as("nothing applied").isEqualTo(4);
    SchemaStatus schema = latest.schemaStatus();
    assertThat(schema.component().state()).isEqualTo(ComponentState.DOWN);
    assertThat(schema.component().detail()).startsWith("drift: version 3");
  }

  @Test
  void schemaStatus_followsTheSchema() throws Exception {
    DataSource db = freshDatabase();
    MigrationRunner runner = runner(db).build();

    SchemaStatus empty = runner.schemaStatus();
    assertThat(empty.component().name()).isEqualTo("migrations");
    assertThat(empty.component().critical()).isTrue();
    assertThat(empty.component().state()).isEqualTo(ComponentState.DEGRADED);
    assertThat(empty.component().detail()).isEqualTo("6 pending migration(s) after version 0");
    assertThat(empty.schemaVersion()).isEmpty();

    runner(db).target(2).build().apply();
    assertThat(runner.schemaStatus().component().state()).isEqualTo(ComponentState.DEGRADED);
    assertThat(runner.schemaStatus().schemaVersion()).contains("2");

    runner.apply();
    SchemaStatus current = runner.schemaStatus();
    assertThat(current.component().state()).isEqualTo(ComponentState.UP);
    assertThat(current.component().detail()).isEqualTo("schema version 6");
    assertThat(current.schemaVersion()).contains("6");
  }

  @Test
  void history_listsEachMigrationThatRanWithItsTimeAndOutcome() throws Exception {
    DataSource db = freshDatabase();
    MigrationRunner runner = runner(db).build();
    assertThat(runner.history()).isEmpty();

    runner(db).target(2).build().apply();

    List<AppliedMigration> history = runner.history();
    assertThat(history)
        .extracting(
            AppliedMigration::version,
            AppliedMigration::description,
            AppliedMigration::script,
            AppliedMigration::success)
        .containsExactly(
            tuple(1, "users", "V1__users.sql", true),
            tuple(2, "activity events", "V2__activity_events.sql", true));
    // Wide bounds: the database records the time in its own zone and precision.
    Instant now = Instant.now();
    assertThat(history)
        .allSatisfy(
            row ->
                assertThat(row.installedAt())
                    .isBetween(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))));
    assertThat(SchemaStatus.of(runner.status())).isEqualTo(runner.schemaStatus());
  }

  @Test
  void rollbackTo_zero_emptiesTheSchemaAndReapplies() throws Exception {
    DataSource db = freshDatabase();
    MigrationRunner runner = runner(db).build();
    runner.apply();

    RollbackResult result = runner.rollbackTo(0);

    assertThat(result.fromVersion()).isEqualTo(LATEST);
    assertThat(result.rolledBack())
        .extracting(Migration::version)
        .containsExactly(6, 5, 4, 3, 2, 1);
    assertThat(Snapshot.read(db, engine()).catalog()).isEmpty();
    assertThat(runner.status().pending()).hasSize(LATEST);
    assertThat(runner.rollbackTo(0).rolledBack()).isEmpty();
    assertThat(runner.apply().toVersion()).isEqualTo(LATEST);
  }

  @Test
  void rollbackTo_versionOutOfRange_isRejected() throws Exception {
    MigrationRunner runner = runner(freshDatabase()).target(2).build();
    runner.apply();

    assertThatThrownBy(() -> runner.rollbackTo(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> runner.rollbackTo(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verify_foreignKeyOrphan_fails() throws Exception {
    DataSource db = freshDatabase();
    MigrationRunner runner = runner(db).build();
    runner.apply();
    Seed.upTo(db, LATEST, "x");
    orphanUserTeam(db);

    VerifyReport report = runner.verify();

    assertThat(report.passed()).isFalse();
    assertThat(report.failures())
        .extracting(VerifyReport.Check::name)
        .containsExactly("foreign-keys");
  }

  /** Leaves a row that breaks a foreign key, as only a bypassed constraint can. */
  abstract void orphanUserTeam(DataSource db) throws Exception;
}
