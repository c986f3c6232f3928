package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.IntroPageException;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.migrations.MigrationException.Reason;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Builder validation, version rules, script parsing and the runner facing an unknown engine. */
class RunnerUnitTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void builder_rejectsBadSettings() {
    SQLiteDataSource ds = new SQLiteDataSource();
    assertThatThrownBy(() -> MigrationRunner.builder(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).listener(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).clock(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).classLoader(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).target(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).extraScripts("db"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).extraScripts(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void engine_supportsOnlyRecentVersions() {
    assertThat(Engine.SQLITE.supports("3.35.0")).isTrue();
    assertThat(Engine.SQLITE.supports("3.34.1")).isFalse();
    assertThat(Engine.SQLITE.supports("4.0")).isTrue();
    assertThat(Engine.POSTGRESQL.supports("14.22")).isTrue();
    assertThat(Engine.POSTGRESQL.supports("13.9 (Debian 13.9-1)")).isFalse();
    assertThat(Engine.POSTGRESQL.supports("17beta1")).isTrue();
    assertThat(Engine.OTHER.supports("99")).isFalse();
    assertThat(Engine.fromProductName("PostgreSQL")).isEqualTo(Engine.POSTGRESQL);
    assertThat(Engine.fromProductName("SQLite")).isEqualTo(Engine.SQLITE);
    assertThat(Engine.fromProductName("H2")).isEqualTo(Engine.OTHER);
  }

  @Test
  void scripts_findTouchedTablesAndStatements() {
    String sql =
        """
        -- CREATE TABLE ignored_in_comment (id INT);
        CREATE TABLE IF NOT EXISTS alpha (id INT);
        ALTER TABLE ONLY "beta" ADD COLUMN x INT;
        create unique index ix on gamma (x);
        INSERT INTO delta VALUES (1); update Epsilon set x = 1; DELETE FROM zeta;
        DROP TABLE IF EXISTS alpha;
        """;
    assertThat(Scripts.touchedTables(sql))
        .containsExactly("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
    assertThat(Scripts.statements("-- c\nDROP TABLE a;\n\n DROP TABLE b ;"))
        .containsExactly("DROP TABLE a", "DROP TABLE b");
    assertThat(Scripts.dropsRows("-- intro:drops-rows\nDELETE FROM t;")).isTrue();
    assertThat(Scripts.dropsRows("DELETE FROM t;")).isFalse();
  }

  @Test
  void unknownEngine_isReportedAndRefused() throws Exception {
    SQLiteDataSource real = new SQLiteDataSource();
    real.setUrl("jdbc:sqlite:" + dir.resolve("exotic.db"));
    MigrationRunner runner = MigrationRunner.builder(pretendingToBe(real, "ExoticDB")).build();

    MigrationStatus status = runner.status();

    assertThat(status.engine()).isEqualTo(Engine.OTHER);
    assertThat(status.supported()).isFalse();
    assertThat(status.upToDate()).isFalse();
    assertThatThrownBy(runner::plan)
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ENGINE));
    assertThatThrownBy(runner::apply).isInstanceOf(MigrationException.class);
    assertThatThrownBy(() -> runner.rollbackTo(0))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ENGINE));
    assertThat(runner.schemaStatus().component().state()).isEqualTo(ComponentState.DOWN);
    assertThat(runner.schemaStatus().component().detail()).contains("not supported");
  }

  @Test
  void unreachableDatabase_isDownNotThrown() {
    SQLiteDataSource broken = new SQLiteDataSource();
    broken.setUrl("jdbc:sqlite:" + dir.resolve("no/such/dir/intro.db"));
    MigrationRunner runner = MigrationRunner.builder(broken).build();

    assertThatThrownBy(runner::status)
        .isInstanceOf(IntroPageException.class)
        .isInstanceOfSatisfying(
            MigrationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATABASE_ERROR));
    SchemaStatus status = runner.schemaStatus();
    assertThat(status.component().state()).isEqualTo(ComponentState.DOWN);
    assertThat(status.component().detail()).startsWith("cannot read the schema");
    assertThat(status.schemaVersion()).isEmpty();
  }

  @Test
  void listenerThatThrows_doesNotStopTheMigration() throws Exception {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("listener.db"));
    MigrationRunner runner =
        MigrationRunner.builder(ds)
            .listener(
                event -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();

    assertThat(runner.apply().toVersion()).isEqualTo(6);
  }

  private static DataSource pretendingToBe(SQLiteDataSource real, String product) {
    return (DataSource)
        Proxy.newProxyInstance(
            RunnerUnitTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                Connection connection = real.getConnection();
                return Proxy.newProxyInstance(
                    RunnerUnitTest.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (p, m, a) -> {
                      if (m.getName().equals("getMetaData")) {
                        DatabaseMetaData meta = connection.getMetaData();
                        return Proxy.newProxyInstance(
                            RunnerUnitTest.class.getClassLoader(),
                            new Class<?>[] {DatabaseMetaData.class},
                            (p2, m2, a2) ->
                                m2.getName().equals("getDatabaseProductName")
                                    ? product
                                    : invoke(m2, meta, a2));
                      }
                      return invoke(m, connection, a);
                    });
              }
              return invoke(method, real, args);
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof SQLException sql ? sql : e.getCause();
    }
  }
}
