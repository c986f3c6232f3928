package dev.intropage.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.intropage.jdbc.DataSources;
import dev.intropage.jdbc.DemoDataGenerator;
import dev.intropage.migrations.MigrationRunner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The demo data set of the database benchmarks, on a SQLite file or an embedded PostgreSQL server,
 * generated once per size and seed and kept under {@code java.io.tmpdir/intro-bench/}; a {@code
 * ready} file marks a complete one. Delete the directory to generate it again.
 */
final class DemoDatabases {
  private final int users;
  private final long events;
  private final long seed;
  private final Instant now;
  private final Deque<AutoCloseable> resources;

  /**
   * @param resources where the opened pool and server are pushed, for the caller to close
   */
  DemoDatabases(int users, long events, long seed, Instant now, Deque<AutoCloseable> resources) {
    this.users = users;
    this.events = events;
    this.seed = seed;
    this.now = now;
    this.resources = resources;
  }

  /** The SQLite demo database, generated into a file on first use. */
  DataSource sqlite() throws IOException, SQLException {
    Path dir = directory("sqlite");
    boolean ready = ready(dir);
    HikariDataSource dataSource = DataSources.sqlite(dir.resolve("intro.db"));
    resources.push(dataSource);
    if (!ready) {
      // The checkpoint empties the write-ahead log that the generator's one transaction filled.
      generate(dir, dataSource, "ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return dataSource;
  }

  /** The PostgreSQL demo database on an embedded server whose data directory is kept. */
  DataSource postgres() throws IOException, SQLException {
    Path dir = directory("postgresql");
    boolean ready = ready(dir);
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("data"))
            .setCleanDataDirectory(false)
            .start();
    resources.push(server);
    if (!ready) {
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE intro");
      }
    }
    HikariDataSource dataSource =
        DataSources.postgres(server.getJdbcUrl("postgres", "intro"), "postgres", "postgres");
    resources.push(dataSource);
    if (!ready) {
      // VACUUM as well, so that the visibility map is set as autovacuum would eventually set it,
      // instead of autovacuum starting on its own during a measurement.
      generate(dir, dataSource, "VACUUM ANALYZE");
    }
    return dataSource;
  }

  /** The directory of one engine's data set, named by its size and seed. */
  private Path directory(String engine) {
    return Path.of(
        System.getProperty("java.io.tmpdir"),
        "intro-bench",
        String.format(Locale.ROOT, "cold-%s-u%d-e%d-s%d", engine, users, events, seed));
  }

  /** Whether the directory holds a complete data set; if not, empties it for a new one. */
  private static boolean ready(Path dir) throws IOException {
    if (Files.exists(dir.resolve("ready"))) {
      return true;
    }
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(dir);
    return false;
  }

  /** Migrates, generates the demo set, runs the statements, and marks the directory ready. */
  private void generate(Path dir, DataSource dataSource, String... after)
      throws IOException, SQLException {
    long started = System.nanoTime();
    MigrationRunner.builder(dataSource).build().apply();
    DemoDataGenerator.Summary summary =
        DemoDataGenerator.generate(dataSource, users, events, seed, now);
    long generated = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : after) {
        statement.execute(sql);
      }
    }
    String report =
        String.format(
            Locale.ROOT,
            "%s: generated in %d ms, then %s in %d ms%n",
            summary,
            TimeUnit.NANOSECONDS.toMillis(generated - started),
            String.join("; ", after),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - generated));
    System.out.print(report);
    Files.writeString(dir.resolve("ready"), report);
  }
}
