package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.rest.security.TokenMinter;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM against the real service ({@code IntroPageApp serve} in a child JVM, SQLite file, JWT):
 * with a write in flight that waits for the database, the service stops accepting connections, lets
 * the write finish and apply, closes the pool only after it and exits with 143; an upload that is
 * still arriving when the grace period ends is cut off, and the process is gone within the grace
 * period plus a margin.
 */
class GracefulShutdownTest {
  private static final String SECRET = "graceful-shutdown-test-secret-32-bytes!";
  private static final Pattern LISTENING =
      Pattern.compile("Intro Page is listening on (http://\\S+/)");
  private static final Duration START_BOUND = Duration.ofSeconds(60);

  /** Time for the hook's work after the grace period: engine, bus, pool, thread pool stop. */
  private static final Duration MARGIN = Duration.ofSeconds(5);

  /** How a JVM that ran its shutdown hooks on SIGTERM exits: 128 + 15. */
  private static final int SIGTERM_EXIT = 143;

  /** How long after SIGTERM the database holds the in-flight write back. */
  private static final Duration WRITE_HELD = Duration.ofSeconds(2);

  private final String token =
      TokenMinter.hs256(SECRET.getBytes(UTF_8), Clock.systemUTC())
          .mint("ada", Set.of(), Duration.ofMinutes(5));

  @Test
  void sigterm_writeWaitingForTheDatabase_finishesAndAppliesBeforeThePoolCloses(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("intro.db");
    try (Service service = Service.start(db)) {
      byte[] body = "{\"theme\":\"DARK\"}".getBytes(UTF_8);
      String response;
      try (Socket write = new Socket();
          Connection lock = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement holder = lock.createStatement()) {
        // The service's write queues behind this transaction, so it is busy in the service, with
        // no bytes on its connection, while shutdown runs.
        holder.execute("BEGIN IMMEDIATE");
        startWrite(write, service.uri, body, "graceful-in-flight");
        write.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
        write.getOutputStream().flush();

        long sigterm = System.nanoTime();
        service.sigterm();
        assertRefusesConnections(service);
        // Longer than Jetty's shutdown idle timeout (1 s), which must not cut a busy request.
        Thread.sleep(Math.max(0, WRITE_HELD.toMillis() - millisSince(sigterm)));
        assertThat(service.process.isAlive())
            .as("the process waits for the write in flight\n%s", service.output())
            .isTrue();
        assertThat(write.getInputStream().available()).as("no answer before the write").isZero();
        holder.execute("ROLLBACK");

        response = readToEnd(write.getInputStream());
        assertThat(response).as(service.output()).startsWith("HTTP/1.1 200 ");
        assertThat(response).contains("ETag: \"1\"", "\"theme\":\"DARK\"");
        assertExitsWithin(service, sigterm, Duration.ofSeconds(Server.GRACE_SECONDS).plus(MARGIN));
      }
      Matcher requestId = Pattern.compile("X-Request-Id: (\\S+)").matcher(response);
      assertThat(requestId.find()).as(response).isTrue();
      List<String> lines = service.lines();
      int access =
          indexOf(lines, requestId.group(1) + " ada PUT /api/v1/intro-page/ada/preferences 200 ");
      int stopped = indexOf(lines, "app.Server - stopped");
      assertThat(access).as(service.output()).isNotNegative();
      assertThat(stopped)
          .as("the pool closes after the write\n%s", service.output())
          .isGreaterThan(access);
    }
    assertThat(storedTheme(db)).contains("DARK 1");
  }

  @Test
  void sigterm_uploadStillArrivingAfterTheGracePeriod_doesNotHoldTheProcess(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("intro.db");
    try (Service service = Service.start(db)) {
      // Valid JSON once complete, but the whitespace before the closing brace never ends.
      byte[] body = ("{\"theme\":\"LIGHT\"" + " ".repeat(4096) + "}").getBytes(UTF_8);
      try (Socket write = new Socket()) {
        startWrite(write, service.uri, body, "graceful-stuck");
        long sigterm = System.nanoTime();
        service.sigterm();
        // A byte every 200 ms keeps the connection busy, so only the grace period can end it.
        Thread trickle =
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        OutputStream out = write.getOutputStream();
                        for (int i = body.length / 2; i < body.length - 1; i++) {
                          out.write(' ');
                          out.flush();
                          Thread.sleep(200);
                        }
                      } catch (IOException | InterruptedException e) {
                        // the service closed the connection: the end this test waits for
                      }
                    });
        assertRefusesConnections(service);
        InputStream in = write.getInputStream();
        CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> readToEnd(in));

        assertExitsWithin(service, sigterm, Duration.ofSeconds(Server.GRACE_SECONDS).plus(MARGIN));
        assertThat(Duration.ofNanos(System.nanoTime() - sigterm))
            .as("the upload had the grace period to finish\n%s", service.output())
            .isGreaterThanOrEqualTo(Duration.ofSeconds(Server.GRACE_SECONDS - 1));
        assertThat(response.get(5, TimeUnit.SECONDS)).doesNotContain("HTTP/1.1 200");
        trickle.join(Duration.ofSeconds(5));
        assertThat(trickle.isAlive()).as("the connection was closed").isFalse();
      }
      assertThat(indexOf(service.lines(), "app.Server - stopped"))
          .as(service.output())
          .isNotNegative();
      // One line for the operator, not a stack trace.
      assertThat(service.output())
          .contains("requests still running after " + Server.GRACE_SECONDS + " s were cut off")
          .doesNotContain("TimeoutException");
    }
    assertThat(storedTheme(db)).isEmpty();
  }

  /**
   * Sends a preferences update's head with {@code Expect: 100-continue} and half its body. The
   * {@code 100 Continue} comes when the service starts reading the body, so the request is then in
   * the application, waiting for the rest.
   */
  private void startWrite(Socket socket, URI uri, byte[] body, String idempotencyKey)
      throws IOException {
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(Server.GRACE_SECONDS + 20));
    String head =
        "PUT /api/v1/intro-page/ada/preferences HTTP/1.1\r\n"
            + "Host: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\n"
            + "Authorization: Bearer "
            + token
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n"
            + "If-Match: \"0\"\r\n"
            + "Idempotency-Key: "
            + idempotencyKey
            + "\r\n"
            + "Expect: 100-continue\r\n"
            + "Connection: close\r\n"
            + "\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(UTF_8));
    out.flush();
    assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 100 ");
    out.write(body, 0, body.length / 2);
    out.flush();
  }

  /** Connects until the service refuses, which it must do soon after SIGTERM. */
  private static void assertRefusesConnections(Service service) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    boolean refused = false;
    while (!refused && System.nanoTime() < deadline) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(service.uri.getHost(), service.uri.getPort()), 1_000);
        Thread.sleep(20);
      } catch (ConnectException e) {
        refused = true;
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    assertThat(refused).as("new connections refused after SIGTERM\n%s", service.output()).isTrue();
  }

  private static void assertExitsWithin(Service service, long since, Duration bound)
      throws InterruptedException {
    long left = TimeUnit.SECONDS.toNanos(bound.toSeconds()) - (System.nanoTime() - since);
    assertThat(service.process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS))
        .as("exited within %s of SIGTERM\n%s", bound, service.output())
        .isTrue();
    assertThat(service.process.exitValue()).as(service.output()).isEqualTo(SIGTERM_EXIT);
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  /** The theme and version stored for ada, read from the file after the process has gone. */
  private static Optional<String> storedTheme(Path db) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT theme, version FROM preferences WHERE user_id = 'ada'")) {
      return row.next()
          ? Optional.of(row.getString("theme") + " " + row.getLong("version"))
          : Optional.empty();
    }
  }

  /** Reads a response head, up to and including the blank line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(UTF_8).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(UTF_8);
  }

  /** Everything until the peer closes; a reset counts as the end. */
  private static String readToEnd(InputStream in) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        all.write(buffer, 0, n);
      }
    } catch (SocketException e) {
      // reset by the peer: what came before it is the answer
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return all.toString(UTF_8);
  }

  /** The service as {@code java -cp ... IntroPageApp serve}, in JWT mode on a free port. */
  private static final class Service implements AutoCloseable {
    final Process process;
    final URI uri;
    private final List<String> lines;
    private final Thread reader;

    private Service(Process process, URI uri, List<String> lines, Thread reader) {
      this.process = process;
      this.uri = uri;
      this.lines = lines;
      this.reader = reader;
    }

    static Service start(Path db) throws Exception {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  // Start-up speed on a busy machine only (half the time on two cores); neither
                  // flag touches what shutdown does.
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  IntroPageApp.class.getName(),
                  "serve")
              .redirectErrorStream(true);
      builder.environment().keySet().removeIf(key -> key.startsWith("INTRO_"));
      builder.environment().put("INTRO_DB_URL", "jdbc:sqlite:" + db);
      builder.environment().put("INTRO_HTTP_HOST", "127.0.0.1");
      builder.environment().put("INTRO_HTTP_PORT", "0");
      builder.environment().put("INTRO_AUTH_MODE", "jwt");
      builder.environment().put("INTRO_AUTH_JWT_SECRET", SECRET);
      Process process = builder.start();
      List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<URI> listening = new CompletableFuture<>();
      Thread reader =
          Thread.ofPlatform()
              .daemon(true)
              .start(
                  () -> {
                    try (BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(process.getInputStream(), UTF_8))) {
                      for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                        Matcher matcher = LISTENING.matcher(line);
                        if (matcher.find()) {
                          listening.complete(URI.create(matcher.group(1)));
                        }
                      }
                    } catch (IOException e) {
                      listening.completeExceptionally(e);
                    }
                    listening.completeExceptionally(
                        new IllegalStateException("the service ended before listening"));
                  });
      try {
        return new Service(
            process, listening.get(START_BOUND.toSeconds(), TimeUnit.SECONDS), lines, reader);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the service did not start\n" + String.join("\n", lines), e);
      }
    }

    /**
     * Sends SIGTERM. Not {@link Process#destroy()}: that also closes this side's pipes, so the
     * service's last lines would be lost and its writes to stdout would fail.
     */
    void sigterm() {
      assertThat(process.supportsNormalTermination()).as("SIGTERM on this platform").isTrue();
      assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
    }

    /** Every line the process wrote, complete once it has exited. */
    List<String> lines() throws InterruptedException {
      if (!process.isAlive()) {
        reader.join(TimeUnit.SECONDS.toMillis(5));
      }
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }

    String output() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
