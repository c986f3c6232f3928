package dev.intropage.bench.load;

import static dev.intropage.bench.load.LoopbackServers.fixed;
import static dev.intropage.bench.load.LoopbackServers.stallingFirst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.bench.load.EventLoop.Request;
import dev.intropage.bench.load.LoopbackServers.AfterFirst;
import dev.intropage.bench.load.LoopbackServers.JdkServer;
import dev.intropage.bench.load.LoopbackServers.RawServer;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One connection of the event loop against real loopback servers, a phase of 1 s at a time. */
class EventLoopTest {
  @Test
  void get_formatsTheHeadOnce_withHostAndAuthorizationOnly() {
    Request withToken = Request.get(URI.create("http://127.0.0.1:8080/a/b?c=d"), "Bearer t");
    Request bare = Request.get(URI.create("http://localhost:9/"), null);

    assertThat(withToken.text())
        .isEqualTo(
            "GET /a/b?c=d HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization: Bearer t\r\n\r\n");
    assertThat(bare.text()).isEqualTo("GET / HTTP/1.1\r\nHost: localhost:9\r\n\r\n");
  }

  @Test
  void contentLengthBodies_countedOnOneKeptAliveConnection() throws Exception {
    try (JdkServer server = new JdkServer(fixed(200, new byte[7000]));
        EventLoop loop = new EventLoop(1, Duration.ofSeconds(2))) {
      LoadResult result = phase(loop, server.uri("/x"), 5);

      assertThat(result.outcomes()).isEqualTo(Map.of("200", 5L));
      assertThat(result.bytes()).isEqualTo(5 * 7000);
      assertThat(server.connections()).isEqualTo(1);
      assertThat(loop.opened()).isEqualTo(1);
    }
  }

  @Test
  void chunkedBodies_countedDecodedOnOneKeptAliveConnection() throws Exception {
    try (JdkServer server =
            new JdkServer(
                exchange -> {
                  exchange.sendResponseHeaders(200, 0);
                  OutputStream body = exchange.getResponseBody();
                  for (int size : new int[] {3000, 117_000, 1}) {
                    body.write(new byte[size]);
                    body.flush();
                  }
                });
        EventLoop loop = new EventLoop(1, Duration.ofSeconds(2))) {
      LoadResult result = phase(loop, server.uri("/"), 3);

      assertThat(result.outcomes()).isEqualTo(Map.of("200", 3L));
      assertThat(result.bytes()).isEqualTo(3 * 120_001);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void degradedPageAndInterimResponse_readFromRawBytes() throws Exception {
    String response =
        """
        HTTP/1.1 103 Early Hints\r
        Link: </a.css>\r
        \r
        HTTP/1.1 200 OK\r
        transfer-encoding: chunked\r
        Server-Timing: news;dur=1;desc="TIMED_OUT"\r
        \r
        2;x=y\r
        ok\r
        0\r
        \r
        """;
    try (RawServer server = new RawServer(response, AfterFirst.KEEP_ANSWERING);
        EventLoop loop = new EventLoop(1, Duration.ofSeconds(2))) {
      LoadResult result = phase(loop, server.uri("/"), 4);

      assertThat(result.outcomes()).isEqualTo(Map.of("degraded", 4L));
      assertThat(result.bytes()).isEqualTo(4 * 2);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void connectionClose_theNextRequestOpensANewConnection() throws Exception {
    // The server leaves the socket open: a client that kept it would wait for an answer in vain.
    String response = "HTTP/1.1 503 Busy\r\nContent-Length: 2\r\nConnection: Close\r\n\r\nno";
    try (RawServer server = new RawServer(response, AfterFirst.HANG);
        EventLoop loop = new EventLoop(1, Duration.ofMillis(500))) {
      LoadResult result = phase(loop, server.uri("/"), 3);

      assertThat(result.outcomes()).isEqualTo(Map.of("503", 3L));
      assertThat(server.connections()).isEqualTo(3);
    }
  }

  @Test
  void http10WithoutLength_bodyReadToTheEndAndTheNextRequestReconnects() throws Exception {
    try (RawServer server = new RawServer("HTTP/1.0 200 OK\r\n\r\nbody", AfterFirst.CLOSE);
        EventLoop loop = new EventLoop(1, Duration.ofSeconds(2))) {
      LoadResult result = phase(loop, server.uri("/"), 2);

      assertThat(result.outcomes()).isEqualTo(Map.of("200", 2L));
      assertThat(result.bytes()).isEqualTo(2 * 4);
      assertThat(loop.opened()).isEqualTo(2);
    }
  }

  @Test
  void serverClosesEachConnectionAfterItsFirstAnswer_everyRequestIsAnsweredOnANewOne()
      throws Exception {
    // Whether the close arrives before the next request or after it was sent, no request fails.
    try (RawServer server =
            new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", AfterFirst.CLOSE);
        EventLoop loop = new EventLoop(1, Duration.ofSeconds(2))) {
      LoadResult result = phase(loop, server.uri("/"), 20);

      assertThat(result.outcomes()).isEqualTo(Map.of("200", 20L));
      assertThat(server.requests()).isEqualTo(20);
      assertThat(server.connections()).isEqualTo(20);
    }
  }

  @Test
  void aResponseOutlastsTheTimeout_countedAsTimeoutAndTheNextGetsANewConnection() throws Exception {
    try (JdkServer server = new JdkServer(stallingFirst(1000, fixed(200, new byte[10])));
        EventLoop loop = new EventLoop(1, Duration.ofMillis(200))) {
      LoadResult result = phase(loop, server.uri("/"), 2);

      assertThat(result.outcomes()).isEqualTo(Map.of("timeout", 1L, "200", 1L));
      assertThat(loop.opened()).isEqualTo(2);
    }
  }

  @Test
  void notHttp_isAnErrorNamedByItsException() throws Exception {
    try (RawServer server = new RawServer("SSH-2.0-OpenSSH\r\n\r\n", AfterFirst.KEEP_ANSWERING);
        EventLoop loop = new EventLoop(1, Duration.ofSeconds(2))) {
      LoadResult result = phase(loop, server.uri("/"), 2);

      assertThat(result.outcomes()).isEqualTo(Map.of("io:ProtocolException", 2L));
    }
  }

  @Test
  void nothingListening_isAnErrorNamedByItsException() throws Exception {
    URI closed;
    try (JdkServer server = new JdkServer(fixed(200, new byte[1]))) {
      closed = server.uri("/");
    }
    try (EventLoop loop = new EventLoop(1, Duration.ofSeconds(2))) {
      LoadResult result = phase(loop, closed, 2);

      assertThat(result.outcomes()).isEqualTo(Map.of("io:ConnectException", 2L));
    }
  }

  /** Runs {@code requests} requests to the URI within 1 s on the loop. */
  private static LoadResult phase(EventLoop loop, URI uri, int requests) throws Exception {
    LoadSettings settings =
        LoadSettings.parse(
            new String[] {
              "--url",
              uri.toString(),
              "--rate",
              Integer.toString(requests),
              "--duration",
              "1",
              "--connections",
              "1"
            });
    return OpenLoad.run(settings, 1, loop);
  }
}
