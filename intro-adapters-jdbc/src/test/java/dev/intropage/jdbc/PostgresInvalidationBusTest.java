package dev.intropage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.intropage.core.Invalidation;
import dev.intropage.core.InvalidationBus;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.model.UserId;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.system.SystemOverview;
import java.io.IOException;
import java.sql.DriverManager;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two buses on one embedded PostgreSQL database, as two instances of the service would be. */
class PostgresInvalidationBusTest {
  private static TestDatabase.Postgres server;

  private HikariDataSource pool;
  private PostgresInvalidationBus sender;
  private PostgresInvalidationBus receiver;

  @BeforeAll
  static void startServer() {
    server = new TestDatabase.Postgres();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @BeforeEach
  void startBuses() {
    String url = server.url("postgres");
    pool = DataSources.postgres(url, "postgres", "postgres");
    sender = PostgresInvalidationBus.start(pool, url, "postgres", "postgres");
    receiver =
        PostgresInvalidationBus.start(
            pool,
            () -> DriverManager.getConnection(url, "postgres", "postgres"),
            Thread.ofVirtual().name("receiver").factory());
  }

  @AfterEach
  void closeBuses() {
    sender.close();
    receiver.close();
    pool.close();
  }

  @Test
  void publish_onOneBus_reachesTheOthersSubscriberWithinOneSecond() throws InterruptedException {
    BlockingQueue<Invalidation> received = new LinkedBlockingQueue<>();
    receiver.subscribe(received::add);
    Invalidation invalidation = Invalidation.userSection(UserId.of("ada@x.io"), ActivityFeed.KEY);

    sender.publish(invalidation);

    assertThat(received.poll(1, TimeUnit.SECONDS)).isEqualTo(invalidation);
    sender.publish(Invalidation.all());
    assertThat(received.poll(1, TimeUnit.SECONDS)).isEqualTo(Invalidation.all());
  }

  @Test
  void subscription_closed_receivesNothingMore() throws InterruptedException {
    BlockingQueue<Invalidation> received = new LinkedBlockingQueue<>();
    InvalidationBus.Subscription subscription = receiver.subscribe(received::add);
    subscription.close();

    sender.publish(Invalidation.user(UserId.of("ada")));

    assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void listenerBackendTerminated_reconnectsAndLaterPublishesArrive() throws InterruptedException {
    BlockingQueue<Invalidation> received = new LinkedBlockingQueue<>();
    receiver.subscribe(received::add);
    int pid = receiver.listenerPid();
    assertThat(pid).isPositive();

    server.admin("SELECT pg_terminate_backend(" + pid + ")");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((receiver.listenerPid() == 0 || receiver.listenerPid() == pid)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(receiver.listenerPid()).isPositive().isNotEqualTo(pid);
    // What was published while it was away is lost, so it drops everything once.
    assertThat(received.poll(1, TimeUnit.SECONDS)).isEqualTo(Invalidation.all());

    Invalidation later = Invalidation.user(UserId.of("grace"));
    sender.publish(later);
    assertThat(received.poll(1, TimeUnit.SECONDS)).isEqualTo(later);
  }

  @Test
  void payload_roundTripsEveryShape() {
    for (Invalidation invalidation :
        new Invalidation[] {
          Invalidation.all(),
          Invalidation.user(UserId.of("a.b@c:d-e_f")),
          Invalidation.section(SystemOverview.KEY),
          Invalidation.userSection(UserId.of("ada"), UserStatistics.KEY)
        }) {
      assertThat(PostgresInvalidationBus.decode(PostgresInvalidationBus.encode(invalidation)))
          .contains(invalidation);
    }
    assertThat(PostgresInvalidationBus.decode("garbage")).isEqualTo(Optional.empty());
    assertThat(PostgresInvalidationBus.decode("u=metrics;s=")).isEmpty();
  }

  @Test
  void close_stopsTheListenerAndRefusesToPublish() {
    receiver.close();

    assertThat(receiver.listenerPid()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> receiver.publish(Invalidation.all()))
        .isInstanceOf(IllegalStateException.class);
  }
}
