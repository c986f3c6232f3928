package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** The runner's builder refuses bad settings as it receives them. */
class MigrationRunnerBuilderTest {

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
    assertThatThrownBy(() -> MigrationRunner.builder(ds).extraScripts(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).target(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).extraScripts("db"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MigrationRunner.builder(ds).extraScripts(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
