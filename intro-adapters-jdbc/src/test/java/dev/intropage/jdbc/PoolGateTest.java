package dev.intropage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserRepository;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many virtual threads on a small pool: the gate admits no more borrowers than the pool has
 * connections, so HikariCP never has a waiting thread (whose hand-off spins the carriers).
 */
class PoolGateTest {
  @TempDir Path dir;

  @Test
  void manyVirtualThreads_holdingConnectionsWhileParked_onlyThePoolsSizeEverEnterThePool()
      throws Exception {
    try (TestDatabase db = TestDatabase.sqlite(dir.resolve("intro.db"))) {
      Jdbi jdbi = PoolGate.jdbi(db.dataSource);
      HikariPoolMXBean pool = db.dataSource.getHikariPoolMXBean();
      AtomicInteger mostWaiting = new AtomicInteger();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread sampler =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      mostWaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
                      Thread.onSpinWait();
                    }
                  });
      int answered = 0;
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Integer>> queries = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
          queries.add(
              threads.submit(
                  () ->
                      jdbi.withHandle(
                          handle -> {
                            int one = handle.createQuery("SELECT 1").mapTo(Integer.class).one();
                            Thread.sleep(1); // parked, its carrier free, the connection held
                            return one;
                          })));
        }
        for (Future<Integer> query : queries) {
          answered += query.get();
        }
      } finally {
        running.set(false);
        sampler.join();
      }

      assertThat(answered).isEqualTo(1_000);
      // Ungated, hundreds of threads wait inside HikariCP; with the gate only the permit holders
      // enter, and a holder counts as waiting only while it scans for the free connection.
      assertThat(mostWaiting.get())
          .as("threads waiting inside HikariCP")
          .isLessThanOrEqualTo(DataSources.SQLITE_POOL_SIZE);
    }
  }

  @Test
  void create_onAHikariPool_readsThroughTheGate() {
    try (TestDatabase db = TestDatabase.sqlite(dir.resolve("intro.db"))) {
      DemoDataGenerator.generate(db.dataSource, 20, 200, 7L, Instant.parse("2026-03-10T12:00:00Z"));
      UserRepository users = JdbcAdapters.create(db.dataSource, Clock.systemUTC()).users();

      assertThat(users.find(UserId.of("ada"))).isPresent();
    }
  }

  @Test
  void openConnection_neverHoldsMoreConnectionsThanPermits() throws Exception {
    FakeDataSource source = new FakeDataSource();
    PoolGate gate = new PoolGate(source, 3, Duration.ofSeconds(10));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<@Nullable Void>> borrowers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        borrowers.add(
            threads.<@Nullable Void>submit(
                () -> {
                  start.await();
                  Connection connection = gate.openConnection();
                  Thread.sleep(1);
                  gate.closeConnection(connection);
                  return null;
                }));
      }
      start.countDown();
      for (Future<@Nullable Void> borrower : borrowers) {
        borrower.get();
      }
    }

    assertThat(source.opened.get()).isEqualTo(200);
    assertThat(source.mostOpen.get()).isEqualTo(3);
    assertThat(source.open.get()).isZero();
  }

  @Test
  void openConnection_allPermitsHeld_failsAfterTheTimeoutNamingTheWait() throws Exception {
    PoolGate gate = new PoolGate(new FakeDataSource(), 1, Duration.ofMillis(50));
    Connection held = gate.openConnection();

    assertThatThrownBy(gate::openConnection)
        .isInstanceOf(SQLTransientConnectionException.class)
        .hasMessage("no database connection free within 50 ms (pool of 1)");

    gate.closeConnection(held);
    gate.closeConnection(gate.openConnection());
  }

  @Test
  void openConnection_interrupted_failsAndKeepsTheInterrupt() throws Exception {
    PoolGate gate = new PoolGate(new FakeDataSource(), 1, Duration.ofSeconds(10));
    Connection held = gate.openConnection();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(gate::openConnection)
          .isInstanceOf(SQLException.class)
          .hasMessage("interrupted while waiting for a database connection")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      gate.closeConnection(held);
    }
  }

  @Test
  void aFailedOpenOrClose_returnsThePermit() throws Exception {
    FakeDataSource source = new FakeDataSource();
    PoolGate gate = new PoolGate(source, 1, Duration.ofMillis(50));

    source.failOpen = true;
    assertThatThrownBy(gate::openConnection).hasMessage("cannot open");
    source.failOpen = false;
    source.failClose = true;
    Connection connection = gate.openConnection();
    assertThatThrownBy(() -> gate.closeConnection(connection)).hasMessage("cannot close");
    source.failClose = false;

    gate.closeConnection(gate.openConnection());
    assertThat(source.opened.get()).isEqualTo(2);
  }

  @Test
  void permits_hikariPoolsAreGatedBySize_otherSourcesAreNot() {
    try (HikariDataSource hikari = DataSources.sqlite(dir.resolve("gated.db"))) {
      assertThat(PoolGate.permits(hikari)).isEqualTo(DataSources.SQLITE_POOL_SIZE);
    }
    assertThat(PoolGate.permits(new FakeDataSource())).isZero();
  }

  /** Connections that count how many are open at once. */
  private static final class FakeDataSource implements DataSource {
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    volatile boolean failOpen;
    volatile boolean failClose;

    @Override
    public Connection getConnection() throws SQLException {
      if (failOpen) {
        throw new SQLException("cannot open");
      }
      opened.incrementAndGet();
      mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close")) {
                  open.decrementAndGet();
                  if (failClose) {
                    throw new SQLException("cannot close");
                  }
                }
                return null;
              });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setLoginTimeout(int seconds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
