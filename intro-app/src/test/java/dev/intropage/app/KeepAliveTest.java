package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.app.config.AppConfig;
import dev.intropage.rest.security.TokenMinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keep-alive after a refused request with a body, on raw sockets and with the JDK client: the
 * server either keeps the connection usable or says {@code Connection: close} and closes it, never
 * closes a connection its response presented as reusable.
 *
 * <p>A refusal decided before the body is read (401, 413) may be written before the body has
 * arrived; the server does not wait for an unread body, so such a response must announce the close,
 * and may keep the connection only when the whole body had arrived with the headers. A refusal
 * decided after the body is read (415, 403, 400) always keeps the connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeepAliveTest {
  private static final String SECRET = "keep-alive-test-secret-of-32-bytes-or-more";
  private static final String PATH = "/api/v1/intro-page/ada/actions/item-1/complete";
  private static final String SMALL = "{\"version\":0}";
  private static final String LARGE = "{\"note\":\"" + "a".repeat(70 * 1024) + "\"}";
  private static final int ROUNDS = 200;

  /** Rounds with a late body, and by how much it is late: long enough that the refusal is first. */
  private static final int LATE_ROUNDS = 30;

  private static final Duration LATE_BY = Duration.ofMillis(30);

  private Server server;
  private String ada = "";
  private String grace = "";

  /** Who sends the refused request. */
  enum Caller {
    NONE,
    BAD_TOKEN,
    OWNER,
    OTHER_USER
  }

  /**
   * A POST the service refuses, and how it is framed. 401 and 413 (by {@code Content-Length}) are
   * decided before the body is read; the body filter reads the body before anything else refuses
   * (415 at matching, 403 and 400 in the resource).
   */
  enum Refusal {
    NO_TOKEN(401, Caller.NONE, "application/json", SMALL, false),
    BAD_TOKEN(401, Caller.BAD_TOKEN, "application/json", SMALL, false),
    NO_TOKEN_CHUNKED(401, Caller.NONE, "application/json", SMALL, true),
    TOO_LARGE(413, Caller.OWNER, "application/json", LARGE, false),
    UNSUPPORTED_TYPE(415, Caller.OWNER, "text/plain", SMALL, false),
    OTHER_USERS_WRITE(403, Caller.OTHER_USER, "application/json", SMALL, false),
    MALFORMED_BODY(400, Caller.OWNER, "application/json", "{\"version\":", false);

    final int status;
    final Caller caller;
    final String contentType;
    final String body;
    final boolean chunked;

    Refusal(int status, Caller caller, String contentType, String body, boolean chunked) {
      this.status = status;
      this.caller = caller;
      this.contentType = contentType;
      this.body = body;
      this.chunked = chunked;
    }
  }

  @BeforeAll
  void start(@TempDir Path dir) {
    server =
        Server.start(
            AppConfig.from(
                Map.of(
                    "INTRO_HTTP_PORT",
                    "0",
                    "INTRO_DB_URL",
                    "jdbc:sqlite:" + dir.resolve("intro.db"),
                    "INTRO_AUTH_JWT_SECRET",
                    SECRET,
                    "INTRO_DEMO_DATA",
                    "false")),
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    TokenMinter minter = TokenMinter.hs256(SECRET.getBytes(UTF_8), Clock.systemUTC());
    ada = minter.mint("ada", Set.of(), Duration.ofMinutes(10));
    grace = minter.mint("grace", Set.of(), Duration.ofMinutes(10));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String authorization(Caller caller) {
    return switch (caller) {
      case NONE -> "";
      case BAD_TOKEN -> "Bearer not.a.token";
      case OWNER -> "Bearer " + ada;
      case OTHER_USER -> "Bearer " + grace;
    };
  }

  /** The request line and headers of the refused POST, up to and with the blank line. */
  private String head(Refusal refusal) {
    StringBuilder head = new StringBuilder();
    head.append("POST ").append(PATH).append(" HTTP/1.1\r\nHost: localhost\r\n");
    String authorization = authorization(refusal.caller);
    if (!authorization.isEmpty()) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    head.append("Idempotency-Key: keep-alive-test\r\n");
    head.append("Content-Type: ").append(refusal.contentType).append("\r\n");
    if (refusal.chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      head.append("Content-Length: ").append(refusal.body.getBytes(UTF_8).length).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  /** The body as framed on the wire: as is, or as one chunk and the last chunk. */
  private static String framedBody(Refusal refusal) {
    if (!refusal.chunked) {
      return refusal.body;
    }
    return Integer.toHexString(refusal.body.getBytes(UTF_8).length)
        + "\r\n"
        + refusal.body
        + "\r\n0\r\n\r\n";
  }

  private static final String NEXT_REQUEST = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";

  @ParameterizedTest
  @EnumSource(
      value = Refusal.class,
      names = {"NO_TOKEN", "BAD_TOKEN", "NO_TOKEN_CHUNKED", "TOO_LARGE"})
  void refusedBeforeTheBodyArrives_saysConnectionClose_andCloses(Refusal refusal)
      throws IOException {
    try (Wire wire = new Wire(server.uri().getPort())) {
      wire.send(head(refusal));

      Reply reply = wire.read();

      assertThat(reply.status()).isEqualTo(refusal.status);
      assertThat(reply.body()).contains("\"status\":" + refusal.status);
      assertThat(reply.header("connection")).as(reply.toString()).containsExactly("close");
      assertThat(wire.closedByServer()).as("closed after " + reply).isTrue();
    }
  }

  @Test
  void tooLargeChunked_lastChunkNotSent_saysConnectionClose_andCloses() throws IOException {
    try (Wire wire = new Wire(server.uri().getPort())) {
      String chunk = "a".repeat(8 * 1024);
      StringBuilder request =
          new StringBuilder(
              head(Refusal.TOO_LARGE)
                  .replace(
                      "Content-Length: " + LARGE.getBytes(UTF_8).length,
                      "Transfer-Encoding: chunked"));
      for (int sent = 0; sent <= 64 * 1024; sent += chunk.length()) {
        request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk);
        request.append("\r\n");
      }
      wire.send(request.toString());

      Reply reply = wire.read();

      assertThat(reply.status()).isEqualTo(413);
      assertThat(reply.header("connection")).as(reply.toString()).containsExactly("close");
      assertThat(wire.closedByServer()).as("closed after " + reply).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Refusal.class,
      names = {"TOO_LARGE"},
      mode = EnumSource.Mode.EXCLUDE)
  void refusedWithTheWholeBodySent_keepsTheConnection(Refusal refusal) throws IOException {
    try (Wire wire = new Wire(server.uri().getPort())) {
      wire.send(head(refusal) + framedBody(refusal));

      Reply refused = wire.read();
      assertThat(refused.status()).isEqualTo(refusal.status);
      assertThat(refused.header("connection")).as(refused.toString()).isEmpty();

      wire.send(NEXT_REQUEST);
      assertThat(wire.read().status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Refusal.class,
      names = {"UNSUPPORTED_TYPE", "OTHER_USERS_WRITE", "MALFORMED_BODY"})
  void refusedAfterReadingTheBody_keepsTheConnection_evenWhenTheBodyComesLater(Refusal refusal)
      throws IOException {
    try (Wire wire = new Wire(server.uri().getPort())) {
      wire.send(head(refusal));
      wire.send(framedBody(refusal));

      Reply refused = wire.read();
      assertThat(refused.status()).isEqualTo(refusal.status);
      assertThat(refused.header("connection")).as(refused.toString()).isEmpty();

      wire.send(NEXT_REQUEST);
      assertThat(wire.read().status()).isEqualTo(200);
    }
  }

  @Test
  void tooLarge_withTheWholeBodySent_keepsTheConnectionOrSaysClose() throws IOException {
    try (Wire wire = new Wire(server.uri().getPort())) {
      wire.send(head(Refusal.TOO_LARGE) + framedBody(Refusal.TOO_LARGE));

      Reply refused = wire.read();
      assertThat(refused.status()).isEqualTo(413);
      if (refused.header("connection").contains("close")) {
        assertThat(wire.closedByServer()).as("closed after " + refused).isTrue();
      } else {
        assertThat(refused.header("connection")).as(refused.toString()).isEmpty();
        wire.send(NEXT_REQUEST);
        assertThat(wire.read().status()).isEqualTo(200);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Refusal.class)
  void jdkClient_refusedPostThenGet_onOneClient_neverFails(Refusal refusal) throws Exception {
    List<String> failures =
        refusedPostThenGet(
            refusal,
            ROUNDS,
            () ->
                refusal.chunked
                    ? HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofString(refusal.body))
                    : HttpRequest.BodyPublishers.ofString(refusal.body));

    assertThat(failures).isEmpty();
  }

  /**
   * The client's body leaves only after the refusal has come back, so every refusal says close and
   * the server closes while the client is still to send the body: the client must neither fail the
   * refused request nor reuse the connection.
   */
  @ParameterizedTest
  @EnumSource(
      value = Refusal.class,
      names = {"NO_TOKEN", "BAD_TOKEN", "NO_TOKEN_CHUNKED"})
  void jdkClient_bodyLaterThanTheRefusal_thenGet_onOneClient_neverFails(Refusal refusal)
      throws Exception {
    List<String> failures =
        refusedPostThenGet(
            refusal,
            LATE_ROUNDS,
            () -> {
              HttpRequest.BodyPublisher now = HttpRequest.BodyPublishers.ofString(refusal.body);
              Flow.Publisher<ByteBuffer> late =
                  subscriber ->
                      CompletableFuture.delayedExecutor(LATE_BY.toMillis(), TimeUnit.MILLISECONDS)
                          .execute(() -> now.subscribe(subscriber));
              return refusal.chunked
                  ? HttpRequest.BodyPublishers.fromPublisher(late)
                  : HttpRequest.BodyPublishers.fromPublisher(late, now.contentLength());
            });

    assertThat(failures).isEmpty();
  }

  /**
   * Sends the refused POST and then a GET on one HTTP/1.1 client, {@code rounds} times, and returns
   * what went wrong in each round: an unexpected status or an exception.
   */
  private List<String> refusedPostThenGet(
      Refusal refusal, int rounds, Supplier<HttpRequest.BodyPublisher> body)
      throws InterruptedException {
    List<String> failures = new ArrayList<>();
    HttpRequest next = HttpRequest.newBuilder(server.uri().resolve("health/live")).build();
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      for (int round = 0; round < rounds; round++) {
        HttpRequest.Builder post =
            HttpRequest.newBuilder(server.uri().resolve(PATH.substring(1)))
                .header("Content-Type", refusal.contentType)
                .header("Idempotency-Key", "keep-alive-test")
                .POST(body.get());
        String authorization = authorization(refusal.caller);
        if (!authorization.isEmpty()) {
          post.header("Authorization", authorization);
        }
        String refused;
        try {
          refused =
              Integer.toString(
                  client.send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
          if (refusal != Refusal.TOO_LARGE) {
            failures.add("round " + round + ": " + e);
            continue;
          }
          // Refused by its declared length without reading the body, the connection closes
          // while the client still sends: its TCP stack may get a reset that discards the 413
          // (2 of 200 rounds in one CI run). The refused POST may fail; the GET after it may not.
          refused = Integer.toString(refusal.status);
        }
        try {
          int answered = client.send(next, HttpResponse.BodyHandlers.discarding()).statusCode();
          if (!refused.equals(Integer.toString(refusal.status)) || answered != 200) {
            failures.add("round " + round + ": " + refused + " then " + answered);
          }
        } catch (IOException e) {
          failures.add("round " + round + ": then " + e);
        }
      }
    }
    return failures;
  }

  /** A response as read off the wire: status, headers by lower-case name, body. */
  record Reply(int status, Map<String, List<String>> headers, String body) {
    /** The values of a header, split at commas and lower-cased; empty when absent. */
    List<String> header(String name) {
      return headers.getOrDefault(name, List.of()).stream()
          .flatMap(value -> Arrays.stream(value.split(",", -1)))
          .map(value -> value.strip().toLowerCase(Locale.ROOT))
          .toList();
    }
  }

  /** One HTTP/1.1 connection on a plain socket, so that what the server does with it shows. */
  static final class Wire implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Wire(int port) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(5_000);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
      out.write(text.getBytes(UTF_8));
      out.flush();
    }

    /** Reads one response: framed by Content-Length, chunked, or (with close) by end of stream. */
    Reply read() throws IOException {
      String statusLine = line();
      if (statusLine.isEmpty()) {
        throw new IOException("no response: the connection ended before a status line");
      }
      int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
      Map<String, List<String>> headers = new TreeMap<>();
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        headers
            .computeIfAbsent(
                header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                name -> new ArrayList<>())
            .add(header.substring(colon + 1).strip());
      }
      List<String> length = headers.getOrDefault("content-length", List.of());
      byte[] body;
      if (!length.isEmpty()) {
        body = in.readNBytes(Integer.parseInt(length.get(0)));
      } else if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(), 16);
            size > 0;
            size = Integer.parseInt(line(), 16)) {
          chunks.write(in.readNBytes(size));
          line();
        }
        line();
        body = chunks.toByteArray();
      } else {
        body = in.readAllBytes();
      }
      return new Reply(status, headers, new String(body, UTF_8));
    }

    /**
     * Returns whether the server has closed its side: the next read ends the stream within the
     * socket timeout, with no bytes before it.
     */
    boolean closedByServer() throws IOException {
      try {
        return in.read() == -1;
      } catch (SocketTimeoutException e) {
        return false;
      }
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(UTF_8);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
