package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding scripts on the class path and reading what the runner needs from them. */
class ScriptsTest {
  private static final ClassLoader LOADER = ScriptsTest.class.getClassLoader();

  @Test
  void touchedTables_inOrderOfAppearance_ignoringComments() {
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
  }

  @Test
  void dropsRows_onlyWithTheMarker() {
    assertThat(Scripts.dropsRows("-- intro:drops-rows\nDELETE FROM t;")).isTrue();
    assertThat(Scripts.dropsRows("DELETE FROM t;")).isFalse();
  }

  @Test
  void flywayLocations_listOnlyFoldersThatExist() {
    Scripts scripts = new Scripts(List.of("db", "broken/drops-index"), Engine.SQLITE, LOADER);

    assertThat(scripts.flywayLocations())
        .containsExactly(
            "classpath:db/migration/common",
            "classpath:db/migration/sqlite",
            "classpath:broken/drops-index/migration/common");
  }

  @Test
  void migrationSql_takesTheEnginesFolder() {
    assertThat(
            new Scripts(List.of("db"), Engine.SQLITE, LOADER).migrationSql("V6__system_status.sql"))
        .hasValueSatisfying(sql -> assertThat(sql).contains("INTEGER NOT NULL CHECK"));
    assertThat(
            new Scripts(List.of("db"), Engine.POSTGRESQL, LOADER)
                .migrationSql("V6__system_status.sql"))
        .hasValueSatisfying(sql -> assertThat(sql).contains("BOOLEAN NOT NULL"));
    assertThat(new Scripts(List.of("db"), Engine.SQLITE, LOADER).migrationSql("V9__none.sql"))
        .isEmpty();
  }

  @Test
  void rollbackSql_isThePairedScriptOfAnyRoot() {
    Scripts scripts = new Scripts(List.of("db", "broken/drops-index"), Engine.SQLITE, LOADER);

    assertThat(scripts.rollbackSql("db/migration/common/V1__users.sql"))
        .hasValueSatisfying(sql -> assertThat(sql).contains("DROP TABLE users"));
    assertThat(scripts.rollbackSql("V7__drop_team_index.sql"))
        .hasValueSatisfying(sql -> assertThat(sql).contains("CREATE INDEX idx_user_teams_team"));
    assertThat(scripts.rollbackSql("V9__none.sql")).isEmpty();
  }
}
