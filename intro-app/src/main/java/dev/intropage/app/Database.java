package dev.intropage.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.intropage.app.config.AppConfig;
import dev.intropage.jdbc.DataSources;
import dev.intropage.jdbc.DemoDataGenerator;
import dev.intropage.migrations.MigrationListener;
import dev.intropage.migrations.MigrationRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Opens the configured database: a pool, the migration runner, the demo seed. Closeable. */
final class Database implements AutoCloseable {
  /** The demo set's size when seeded at start: ada, grace and a few generated users. */
  static final int DEMO_USERS = 50;

  static final long DEMO_EVENTS = 20_000;
  static final long DEMO_SEED = 42;

  private final HikariDataSource dataSource;
  private final boolean postgres;

  private Database(HikariDataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /** Opens a pool on the configured URL, creating a SQLite file's folder if needed. */
  static Database open(AppConfig config) {
    String url = config.dbUrl();
    if (url.startsWith("jdbc:sqlite:")) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length())).toAbsolutePath();
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + file.getParent(), e);
      }
      return new Database(DataSources.sqlite(file), false);
    }
    return new Database(
        DataSources.postgres(url, config.dbUser().orElse(""), config.dbPassword().orElse("")),
        true);
  }

  HikariDataSource dataSource() {
    return dataSource;
  }

  boolean postgres() {
    return postgres;
  }

  MigrationRunner migrations(MigrationListener listener) {
    return MigrationRunner.builder(dataSource).listener(listener).build();
  }

  /** Seeds the demo data set; does nothing when users exist already. */
  DemoDataGenerator.Summary seed(int users, long events, Instant now) {
    return DemoDataGenerator.generate(dataSource, users, events, DEMO_SEED, now);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
