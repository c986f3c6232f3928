package dev.intropage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.intropage.migrations.MigrationRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Measures the demo data generator on a new SQLite file (not a test: run by hand, see
 * docs/persistence.md). Arguments: file, users, events.
 */
final class DemoDataTiming {
  private DemoDataTiming() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "target/demo-timing.db");
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long events = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
    Files.deleteIfExists(file);
    try (HikariDataSource dataSource = DataSources.sqlite(file)) {
      MigrationRunner.builder(dataSource).build().apply();
      long started = System.nanoTime();
      DemoDataGenerator.Summary summary =
          DemoDataGenerator.generate(dataSource, users, events, 42L, Instant.now());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf("%s in %d ms (%d bytes)%n", summary, took.toMillis(), Files.size(file));
    }
  }
}
