package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The checks on SQLite; {@link MigrationContract} runs them through {@code apply()} and {@code
 * verify()} on both engines.
 */
class SchemaVerifierTest {
  private static final Migration DECLARED_DROP =
      new Migration(7, "purge idempotency", "V7__purge_idempotency.sql");

  @TempDir Path dir;
  private final SQLiteDataSource dataSource = new SQLiteDataSource();
  private SchemaVerifier verifier;

  @BeforeEach
  void database() {
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("verify.db"));
    ClassLoader loader = getClass().getClassLoader();
    verifier =
        new SchemaVerifier(
            new Database(dataSource),
            engine -> new Scripts(List.of("db", "broken/declared-drop"), engine, loader));
  }

  @Test
  void verify_currentSchema_passesForeignKeysAndIndexes() {
    MigrationStatus status = apply(MigrationContract.LATEST);

    VerifyReport report = verifier.verify(status);

    assertThat(report.checks())
        .extracting(VerifyReport.Check::name, VerifyReport.Check::passed)
        .containsExactly(tuple("foreign-keys", true), tuple("indexes", true));
  }

  @Test
  void verify_missingIndexOfAnAppliedVersion_failsNamingIt() throws Exception {
    MigrationStatus status = apply(1);
    Snapshot.execute(dataSource, "DROP INDEX idx_user_teams_team");

    VerifyReport report = verifier.verify(status);

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.name()).isEqualTo("indexes");
              assertThat(check.detail()).isEqualTo("missing [idx_user_teams_team]");
            });
  }

  @Test
  void verify_indexOfALaterVersion_isNotRequired() {
    assertThat(verifier.verify(apply(1)).passed()).isTrue();
  }

  @Test
  void verifyAgainstBaseline_tableLostRows_failsUnlessAMigrationDeclaresIt() throws Exception {
    MigrationStatus status = apply(MigrationContract.LATEST);
    Seed.upTo(dataSource, MigrationContract.LATEST, "x");
    SchemaVerifier.Baseline baseline = verifier.baseline(Engine.SQLITE);
    Snapshot.execute(dataSource, "DELETE FROM idempotency_records");

    VerifyReport undeclared = verifier.verify(status, baseline, List.of());
    VerifyReport declared = verifier.verify(status, baseline, List.of(DECLARED_DROP));

    assertThat(undeclared.failures())
        .extracting(VerifyReport.Check::name, VerifyReport.Check::detail)
        .containsExactly(tuple("row-count:idempotency_records", "1 -> 0"));
    assertThat(declared.passed()).isTrue();
    assertThat(declared.checks())
        .filteredOn(check -> check.name().equals("row-count:idempotency_records"))
        .singleElement()
        .extracting(VerifyReport.Check::detail)
        .isEqualTo("1 -> 0 (migration declares drops-rows)");
  }

  @Test
  void verifyAgainstBaseline_usersChanged_failsTheChecksum() throws Exception {
    MigrationStatus status = apply(MigrationContract.LATEST);
    Seed.upTo(dataSource, MigrationContract.LATEST, "x");
    SchemaVerifier.Baseline baseline = verifier.baseline(Engine.SQLITE);
    Snapshot.execute(dataSource, "UPDATE users SET display_name = 'Changed'");

    VerifyReport report = verifier.verify(status, baseline, List.of());

    assertThat(report.failures())
        .extracting(VerifyReport.Check::name, VerifyReport.Check::detail)
        .containsExactly(tuple("checksum:users", "rows changed"));
  }

  @Test
  void verifyAgainstBaseline_emptySchema_hasNoChecksumToCompare() {
    SchemaVerifier.Baseline baseline = verifier.baseline(Engine.SQLITE);
    MigrationStatus status = apply(MigrationContract.LATEST);

    VerifyReport report = verifier.verify(status, baseline, List.of());

    assertThat(baseline.rowCounts()).isEmpty();
    assertThat(baseline.criticalColumns()).isEmpty();
    assertThat(report.checks())
        .extracting(VerifyReport.Check::name)
        .containsExactly("foreign-keys", "indexes");
  }

  private MigrationStatus apply(int version) {
    MigrationRunner runner = MigrationRunner.builder(dataSource).target(version).build();
    runner.apply();
    return runner.status();
  }
}
