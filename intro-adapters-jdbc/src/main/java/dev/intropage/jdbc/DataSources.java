package dev.intropage.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/**
 * Connection pools for Intro Page's two engines, configured the way the adapters expect. Each
 * returned {@link HikariDataSource} is thread-safe and must be closed by its owner.
 *
 * {@snippet :
 * try (HikariDataSource dataSource = DataSources.sqlite(Path.of("data/intro.db"))) {
 *   JdbcAdapters adapters = JdbcAdapters.create(dataSource, Clock.systemUTC());
 * }
 * }
 */
public final class DataSources {
  /** Readers that may run beside SQLite's single writer in WAL mode. */
  static final int SQLITE_POOL_SIZE = 4;

  /** How long a SQLite connection waits for the write lock before giving up, in milliseconds. */
  static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5000;

  private DataSources() {}

  /**
   * Opens a pool on a SQLite file, creating the file if needed: WAL journal, {@code busy_timeout}
   * of {@value #SQLITE_BUSY_TIMEOUT_MILLIS} ms, foreign keys on, and {@code BEGIN IMMEDIATE} for
   * every transaction so that writers queue on the write lock instead of failing when they upgrade
   * from reading to writing. {@value #SQLITE_POOL_SIZE} connections: WAL lets readers run while one
   * writer writes.
   *
   * @throws NullPointerException if the file is null
   * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException if the file cannot be
   *     opened
   */
  public static HikariDataSource sqlite(Path file) {
    requireNonNull(file, "file");
    HikariConfig config = new HikariConfig();
    config.setPoolName("intro-sqlite");
    config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
    config.setMaximumPoolSize(SQLITE_POOL_SIZE);
    // Read by sqlite-jdbc's SQLiteConfig when it opens each connection.
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "NORMAL");
    config.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MILLIS));
    config.addDataSourceProperty("foreign_keys", "true");
    config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    return new HikariDataSource(config);
  }

  /**
   * Opens a pool on a PostgreSQL database, sized by HikariCP's guidance: twice the processor count
   * plus one.
   *
   * @param url a {@code jdbc:postgresql://} URL
   * @throws NullPointerException if an argument is null
   * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException if the database cannot be
   *     reached
   */
  public static HikariDataSource postgres(String url, String user, String password) {
    requireNonNull(url, "url");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    HikariConfig config = new HikariConfig();
    config.setPoolName("intro-postgres");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(postgresPoolSize(Runtime.getRuntime().availableProcessors()));
    return new HikariDataSource(config);
  }

  static int postgresPoolSize(int processors) {
    return processors * 2 + 1;
  }
}
