package dev.intropage.migrations;

import static dev.intropage.migrations.PretendingDataSource.pretendingToBe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.IntroPageException;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The runner facing an unknown engine, an unreachable database and a faulty listener; its work on
 * real engines is in {@link MigrationContract}.
 */
class MigrationRunnerTest {
  @TempDir Path dir;

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
}
