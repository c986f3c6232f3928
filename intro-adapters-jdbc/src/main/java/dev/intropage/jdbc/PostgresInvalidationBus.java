package dev.intropage.jdbc;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.Invalidation;
import dev.intropage.core.InvalidationBus;
import dev.intropage.core.model.IntroPageException;
import dev.intropage.core.model.UserId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Carries invalidations between instances through PostgreSQL's {@code LISTEN}/{@code NOTIFY} on the
 * channel {@value #CHANNEL}.
 *
 * <p>{@link #publish} sends {@code pg_notify} through the pool. One listener thread holds its own
 * connection (not from the pool, which must not lose a connection to a long {@code LISTEN}), polls
 * for notifications and hands each to the subscribers on that thread. When the connection drops it
 * reconnects with exponential backoff ({@value #MIN_BACKOFF_MILLIS} ms doubling up to {@value
 * #MAX_BACKOFF_MILLIS} ms) and then delivers {@link Invalidation#all()}, because whatever was
 * published while it was away is lost.
 *
 * {@snippet :
 * try (PostgresInvalidationBus bus = PostgresInvalidationBus.start(pool, url, user, password)) {
 *   IntroPageEngine engine = IntroPageEngine.builder().invalidationBus(bus).build();
 * }
 * }
 *
 * <p>The payload is {@code u=<user>;s=<section>}, each part percent-encoded and empty when absent.
 * Thread-safe.
 */
public final class PostgresInvalidationBus implements InvalidationBus, AutoCloseable {
  /** The notification channel. */
  public static final String CHANNEL = "intro_invalidation";

  static final long MIN_BACKOFF_MILLIS = 100;
  static final long MAX_BACKOFF_MILLIS = 5000;
  static final int POLL_MILLIS = 250;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final System.Logger LOG =
      System.getLogger(PostgresInvalidationBus.class.getName());

  /** Opens the listener's dedicated connection. */
  @FunctionalInterface
  public interface ConnectionOpener {
    /** Opens a new connection to the database the publishers use. */
    Connection open() throws SQLException;
  }

  private final DataSource publisher;
  private final ConnectionOpener opener;
  private final List<Consumer<Invalidation>> subscribers = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstListen = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile int listenerPid;
  private volatile @Nullable Connection current;

  private PostgresInvalidationBus(
      DataSource publisher, ConnectionOpener opener, ThreadFactory threadFactory) {
    this.publisher = publisher;
    this.opener = opener;
    this.thread = threadFactory.newThread(this::listen);
  }

  /**
   * Starts a bus that publishes through the pool and listens on a connection of its own opened with
   * the same URL and credentials; waits up to 10 seconds for the first {@code LISTEN}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static PostgresInvalidationBus start(
      DataSource pool, String url, String user, String password) {
    requireNonNull(url, "url");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    return start(
        pool,
        () -> DriverManager.getConnection(url, user, password),
        Thread.ofPlatform().name("intro-invalidation-listener").daemon(true).factory());
  }

  /**
   * Starts a bus with a given way to open the listener's connection and to make its thread; waits
   * up to 10 seconds for the first {@code LISTEN}, then keeps trying in the background.
   *
   * @throws NullPointerException if an argument is null
   */
  public static PostgresInvalidationBus start(
      DataSource pool, ConnectionOpener opener, ThreadFactory threadFactory) {
    requireNonNull(pool, "pool");
    requireNonNull(opener, "opener");
    requireNonNull(threadFactory, "threadFactory");
    PostgresInvalidationBus bus = new PostgresInvalidationBus(pool, opener, threadFactory);
    bus.thread.start();
    try {
      if (!bus.firstListen.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "not listening yet; will keep trying");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return bus;
  }

  /**
   * Sends the invalidation to every bus listening on the database, this one included.
   *
   * @throws NullPointerException if the invalidation is null
   * @throws IllegalStateException if the bus is closed
   * @throws PublishException if the database does not take the notification
   */
  @Override
  public void publish(Invalidation invalidation) {
    requireNonNull(invalidation, "invalidation");
    if (!running) {
      throw new IllegalStateException("the bus is closed");
    }
    try (Connection connection = publisher.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      statement.setString(1, CHANNEL);
      statement.setString(2, encode(invalidation));
      statement.execute();
    } catch (SQLException e) {
      throw new PublishException(e);
    }
  }

  @Override
  public Subscription subscribe(Consumer<Invalidation> listener) {
    requireNonNull(listener, "listener");
    subscribers.add(listener);
    return () -> subscribers.remove(listener);
  }

  /** Stops the listener thread and closes its connection; waits up to five seconds. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(current);
  }

  /** The backend process id of the listener's connection, or 0 while it is not connected. */
  int listenerPid() {
    return listenerPid;
  }

  private void listen() {
    long backoff = MIN_BACKOFF_MILLIS;
    boolean reconnect = false;
    while (running) {
      Connection connection = null;
      try {
        connection = opener.open();
        current = connection;
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        listenerPid = pg.getBackendPID();
        firstListen.countDown();
        backoff = MIN_BACKOFF_MILLIS;
        if (reconnect) {
          deliver(Invalidation.all());
        }
        reconnect = true;
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              decode(notification.getParameter()).ifPresent(this::deliver);
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          LOG.log(
              System.Logger.Level.WARNING,
              "invalidation listener lost its connection; reconnecting in " + backoff + " ms",
              e);
        }
      } finally {
        listenerPid = 0;
        current = null;
        closeQuietly(connection);
      }
      if (running) {
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          return;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
  }

  private void deliver(Invalidation invalidation) {
    for (Consumer<Invalidation> subscriber : subscribers) {
      try {
        subscriber.accept(invalidation);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "invalidation subscriber failed", e);
      }
    }
  }

  private static void closeQuietly(@Nullable Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the listener connection failed", e);
    }
  }

  static String encode(Invalidation invalidation) {
    return "u="
        + URLEncoder.encode(
            invalidation.user().map(UserId::value).orElse(""), StandardCharsets.UTF_8)
        + ";s="
        + URLEncoder.encode(invalidation.section().orElse(""), StandardCharsets.UTF_8);
  }

  static Optional<Invalidation> decode(String payload) {
    int separator = payload.indexOf(";s=");
    if (!payload.startsWith("u=") || separator < 0) {
      LOG.log(System.Logger.Level.WARNING, "ignoring a malformed invalidation: " + payload);
      return Optional.empty();
    }
    try {
      String user = URLDecoder.decode(payload.substring(2, separator), StandardCharsets.UTF_8);
      String section = URLDecoder.decode(payload.substring(separator + 3), StandardCharsets.UTF_8);
      return Optional.of(
          new Invalidation(
              user.isEmpty() ? Optional.empty() : Optional.of(UserId.of(user)),
              section.isEmpty() ? Optional.empty() : Optional.of(section)));
    } catch (IllegalArgumentException | IntroPageException e) {
      LOG.log(System.Logger.Level.WARNING, "ignoring a malformed invalidation: " + payload);
      return Optional.empty();
    }
  }

  /** Publishing failed because the database did not take the notification. */
  public static final class PublishException extends IntroPageException {
    @java.io.Serial private static final long serialVersionUID = 1L;

    PublishException(SQLException cause) {
      super("publishing an invalidation failed: " + cause.getMessage(), cause);
    }
  }
}
