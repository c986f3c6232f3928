package dev.intropage.migrations;

import static dev.intropage.migrations.PretendingDataSource.pretendingToBe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.migrations.MigrationException.Reason;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Recognising the engine and opening connections fit for it. */
class DatabaseTest {
  @TempDir Path dir;

  @Test
  void server_sqlite_readsTheLibraryVersion() {
    Database.Server server = new Database(sqlite("a.db")).server();

    assertThat(server.engine()).isEqualTo(Engine.SQLITE);
    assertThat(server.version()).matches("3\\.\\d+\\.\\d+");
    assertThat(server.engine().supports(server.version())).isTrue();
  }

  @Test
  void server_unknownProduct_isOtherWithTheDriversVersion() {
    Database.Server server = new Database(pretendingToBe(sqlite("b.db"), "ExoticDB")).server();

    assertThat(server.engine()).isEqualTo(Engine.OTHER);
    assertThat(server.version()).isNotBlank();
  }

  @Test
  void server_unreachable_isDatabaseError() {
    Database database = new Database(sqlite("no/such/dir/c.db"));

    assertThatThrownBy(database::server)
        .isInstanceOfSatisfying(
            MigrationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATABASE_ERROR));
  }

  @Test
  void withConnection_sqlite_enforcesForeignKeys() {
    Database database = new Database(sqlite("d.db"));

    int enforced =
        database.withConnection(
            Engine.SQLITE,
            connection -> {
              try (Statement statement = connection.createStatement();
                  ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
                rs.next();
                return rs.getInt(1);
              }
            });

    assertThat(enforced).isEqualTo(1);
  }

  @Test
  void withConnection_workThrows_isDatabaseError() {
    Database database = new Database(sqlite("e.db"));

    assertThatThrownBy(
            () ->
                database.withConnection(
                    Engine.SQLITE,
                    connection -> {
                      throw new SQLException("boom");
                    }))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.DATABASE_ERROR);
              assertThat(e).hasMessageContaining("boom");
            });
  }

  @Test
  void dataSource_postgresql_isTheOneGiven() {
    SQLiteDataSource given = sqlite("f.db");

    assertThat(new Database(given).dataSource(Engine.POSTGRESQL)).isSameAs(given);
    assertThat(new Database(given).dataSource(Engine.SQLITE))
        .isInstanceOf(ForeignKeysDataSource.class);
  }

  private SQLiteDataSource sqlite(String file) {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve(file));
    return dataSource;
  }
}
