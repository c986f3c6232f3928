package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which engines and versions the schema supports. */
class EngineTest {

  @Test
  void supports_onlyRecentVersions() {
    assertThat(Engine.SQLITE.supports("3.35.0")).isTrue();
    assertThat(Engine.SQLITE.supports("3.34.1")).isFalse();
    assertThat(Engine.SQLITE.supports("4.0")).isTrue();
    assertThat(Engine.POSTGRESQL.supports("14.22")).isTrue();
    assertThat(Engine.POSTGRESQL.supports("13.9 (Debian 13.9-1)")).isFalse();
    assertThat(Engine.POSTGRESQL.supports("17beta1")).isTrue();
    assertThat(Engine.OTHER.supports("99")).isFalse();
  }

  @Test
  void fromProductName_knowsSqliteAndPostgresql() {
    assertThat(Engine.fromProductName("PostgreSQL")).isEqualTo(Engine.POSTGRESQL);
    assertThat(Engine.fromProductName("SQLite")).isEqualTo(Engine.SQLITE);
    assertThat(Engine.fromProductName("H2")).isEqualTo(Engine.OTHER);
  }
}
