package dev.intropage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.intropage.migrations.MigrationRunner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A migrated database for one test, on one engine; closing it closes the pool (and drops it). */
abstract class TestDatabase implements AutoCloseable {
  final HikariDataSource dataSource;

  TestDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    MigrationRunner.builder(dataSource).build().apply();
  }

  abstract boolean postgres();

  /** The query plan of a statement with its parameters, as one text. */
  abstract String plan(Handle handle, String sql, Map<String, Object> parameters);

  /** The primary key index of daily_stats, as the engine names it. */
  abstract String dailyStatsKeyIndex();

  @Override
  public void close() {
    dataSource.close();
  }

  static TestDatabase sqlite(Path file) {
    return new TestDatabase(DataSources.sqlite(file)) {
      @Override
      boolean postgres() {
        return false;
      }

      @Override
      String plan(Handle handle, String sql, Map<String, Object> parameters) {
        return String.join(
            "\n",
            handle
                .createQuery("EXPLAIN QUERY PLAN " + sql)
                .bindMap(parameters)
                .map((rs, ctx) -> rs.getString("detail"))
                .list());
      }

      @Override
      String dailyStatsKeyIndex() {
        return "sqlite_autoindex_daily_stats_1";
      }
    };
  }

  /** One embedded server per test class; a fresh database per test. */
  static final class Postgres implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    final EmbeddedPostgres server;

    Postgres() {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    TestDatabase newDatabase() {
      String name = "intro_" + COUNTER.incrementAndGet();
      admin("CREATE DATABASE " + name);
      String url = server.getJdbcUrl("postgres", name);
      return new TestDatabase(DataSources.postgres(url, "postgres", "postgres")) {
        @Override
        boolean postgres() {
          return true;
        }

        @Override
        String plan(Handle handle, String sql, Map<String, Object> parameters) {
          handle.execute("SET enable_seqscan = off");
          try {
            List<String> lines =
                handle.createQuery("EXPLAIN " + sql).bindMap(parameters).mapTo(String.class).list();
            return String.join("\n", lines);
          } finally {
            handle.execute("RESET enable_seqscan");
          }
        }

        @Override
        String dailyStatsKeyIndex() {
          return "daily_stats_pkey";
        }

        @Override
        public void close() {
          super.close();
          admin("DROP DATABASE " + name + " WITH (FORCE)");
        }
      };
    }

    String url(String database) {
      return server.getJdbcUrl("postgres", database);
    }

    void admin(String sql) {
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql, e);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /** A Jdbi on the pool that counts the statements it executes. */
  static final class Counting {
    final AtomicInteger statements = new AtomicInteger();
    final Jdbi jdbi;

    Counting(javax.sql.DataSource dataSource) {
      jdbi = Jdbi.create(dataSource);
      jdbi.setSqlLogger(
          new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
              statements.incrementAndGet();
            }
          });
    }

    /** Returns how many statements ran since the last call. */
    int take() {
      return statements.getAndSet(0);
    }
  }
}
