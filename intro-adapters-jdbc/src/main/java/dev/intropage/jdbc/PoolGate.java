package dev.intropage.jdbc;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Lets at most as many threads into a HikariCP pool as it has connections; the others wait here, in
 * first-come order, on a fair {@link Semaphore}.
 *
 * <p>HikariCP hands a returned connection to a waiting borrower by spinning: {@code
 * ConcurrentBag.requite} offers it, yields and parks for 10 µs in a loop while anyone waits. With
 * hundreds of virtual threads waiting on two carriers, the returners' spinning starves the very
 * borrowers it waits for: 100 concurrent cold pages on the 4-connection SQLite pool got 46 answers
 * in 10 s, all 503, with both carriers in {@code requite}. A semaphore parks a virtual thread and
 * frees its carrier, and with the gate the pool has no waiters, so {@code requite} returns at once.
 */
final class PoolGate implements org.jdbi.v3.core.ConnectionFactory {
  private final DataSource dataSource;
  private final Semaphore permits;
  private final int size;
  private final long timeoutNanos;

  PoolGate(DataSource dataSource, int size, Duration timeout) {
    this.dataSource = dataSource;
    this.size = size;
    this.permits = new Semaphore(size, true);
    this.timeoutNanos = timeout.toNanos();
  }

  /** Returns a {@link Jdbi} on the source, gated when it is a HikariCP pool. */
  static Jdbi jdbi(DataSource dataSource) {
    int size = permits(dataSource);
    if (size == 0) {
      return Jdbi.create(dataSource);
    }
    HikariDataSource hikari = (HikariDataSource) dataSource;
    return Jdbi.create(
        new PoolGate(dataSource, size, Duration.ofMillis(hikari.getConnectionTimeout())));
  }

  /** Returns the pool size of a HikariCP source, or 0 for a source that is not gated. */
  static int permits(DataSource dataSource) {
    return dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 0;
  }

  @Override
  public Connection openConnection() throws SQLException {
    try {
      if (!permits.tryAcquire(timeoutNanos, NANOSECONDS)) {
        throw new SQLTransientConnectionException(
            "no database connection free within "
                + Duration.ofNanos(timeoutNanos).toMillis()
                + " ms (pool of "
                + size
                + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection", e);
    }
    try {
      return dataSource.getConnection();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  @Override
  public void closeConnection(Connection connection) throws SQLException {
    try {
      connection.close();
    } finally {
      permits.release();
    }
  }
}
