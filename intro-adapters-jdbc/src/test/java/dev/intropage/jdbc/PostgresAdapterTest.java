package dev.intropage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItemStore;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.model.UserId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter contract on an embedded PostgreSQL server, a fresh database per test; and two
 * requests with one idempotency key racing through real transactions, which only a server with
 * concurrent writers can show.
 */
class PostgresAdapterTest extends AdapterContract {
  private static TestDatabase.Postgres server;

  @BeforeAll
  static void startServer() {
    server = new TestDatabase.Postgres();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Override
  TestDatabase newDatabase() {
    return server.newDatabase();
  }

  @Test
  void act_sameKeyForTwoItemsAtOnce_appliesTheFirstAndRefusesTheSecond() throws Exception {
    item("i1", "ada", "OPEN", null, 0);
    item("i2", "ada", "OPEN", null, 0);

    Race race = race(new ActionCommand.Complete(), "i1", new ActionCommand.Dismiss(), "i2");

    assertThat(race.first().kind()).isEqualTo(ActionOutcome.Kind.APPLIED);
    assertThat(race.second()).isEqualTo(ActionOutcome.keyReused());
    assertThat(stored("i1").state()).isEqualTo(ActionState.COMPLETED);
    assertThat(stored("i2").state()).isEqualTo(ActionState.OPEN);
    assertThat(count("SELECT count(*) FROM idempotency_records")).isEqualTo(1);
    assertThat(count("SELECT completed FROM daily_stats WHERE user_id = 'ada'")).isEqualTo(1);
  }

  @Test
  void act_sameRequestTwiceAtOnce_appliesItOnceAndAnswersBothAlike() throws Exception {
    item("i1", "ada", "OPEN", null, 0);

    Race race = race(new ActionCommand.Complete(), "i1", new ActionCommand.Complete(), "i1");

    assertThat(race.first().kind()).isEqualTo(ActionOutcome.Kind.APPLIED);
    assertThat(race.second()).isEqualTo(race.first());
    assertThat(stored("i1").version()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM idempotency_records")).isEqualTo(1);
    assertThat(count("SELECT completed FROM daily_stats WHERE user_id = 'ada'")).isEqualTo(1);
  }

  private record Race(ActionOutcome first, ActionOutcome second) {}

  /**
   * Runs the first command up to its recorded key and holds its transaction open, runs the second
   * with the same key until it waits on the first's locks, then lets the first commit.
   */
  private Race race(ActionCommand first, String firstItem, ActionCommand second, String secondItem)
      throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ActionItemWriter holding =
        ActionItemWriter.over(
            holdAfterRecord(adapters.actionItemStore(), recorded, release), clock);
    ActionItemWriter plain = ActionItemWriter.over(adapters.actionItemStore(), clock);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<ActionOutcome> one = threads.submit(() -> holding.act(ADA, firstItem, first, 0, "k"));
      assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
      Future<ActionOutcome> two = threads.submit(() -> plain.act(ADA, secondItem, second, 0, "k"));
      awaitABackendWaitingOnALock();
      release.countDown();
      return new Race(one.get(10, TimeUnit.SECONDS), two.get(10, TimeUnit.SECONDS));
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private void awaitABackendWaitingOnALock() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") == 0) {
      assertThat(Instant.now()).as("a backend waiting on a lock").isBefore(deadline);
      Thread.sleep(10);
    }
  }

  /** A store whose transactions stop after recording a key until released. */
  private static ActionItemStore holdAfterRecord(
      ActionItemStore store, CountDownLatch recorded, CountDownLatch release) {
    return new ActionItemStore() {
      @Override
      public <T> T inTransaction(Function<Transaction, T> work) {
        return store.inTransaction(tx -> work.apply(holding(tx)));
      }

      private Transaction holding(Transaction tx) {
        return new Transaction() {
          @Override
          public Optional<ActionItem> find(UserId owner, String itemId) {
            return tx.find(owner, itemId);
          }

          @Override
          public Optional<Recorded> findRecorded(UserId owner, String idempotencyKey) {
            return tx.findRecorded(owner, idempotencyKey);
          }

          @Override
          public boolean store(ActionItem item, long expectedVersion) {
            return tx.store(item, expectedVersion);
          }

          @Override
          public void countCompletion(UserId owner, Instant at) {
            tx.countCompletion(owner, at);
          }

          @Override
          public boolean record(UserId owner, String key, Recorded entry, Instant at) {
            boolean done = tx.record(owner, key, entry, at);
            recorded.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return done;
          }
        };
      }
    };
  }
}
