package dev.intropage.bench.load;

import static dev.intropage.bench.load.LoopbackServers.fixed;
import static dev.intropage.bench.load.LoopbackServers.stallingFirst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.bench.load.Http1Connection.Request;
import dev.intropage.bench.load.Http1Connection.Response;
import dev.intropage.bench.load.LoopbackServers.AfterFirst;
import dev.intropage.bench.load.LoopbackServers.JdkServer;
import dev.intropage.bench.load.LoopbackServers.RawServer;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1ConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

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
  void exchange_contentLengthBodies_countsThemOnOneKeptAliveConnection() throws Exception {
    try (JdkServer server = new JdkServer(fixed(200, new byte[7000]));
        Http1Connection connection = new Http1Connection(TIMEOUT)) {
      Request request = Request.get(server.uri("/x"), null);

      List<Response> responses = exchange(connection, request, 5);

      assertThat(responses).containsOnly(new Response(200, 7000, null));
      assertThat(server.exchanges()).isEqualTo(5);
      assertThat(server.connections()).isEqualTo(1);
      assertThat(connection.opened()).isEqualTo(1);
    }
  }

  @Test
  void exchange_chunkedBodies_countsTheDecodedBytesOnOneKeptAliveConnection() throws Exception {
    try (JdkServer server =
            new JdkServer(
                exchange -> {
                  exchange.sendResponseHeaders(200, 0);
                  OutputStream body = exchange.getResponseBody();
                  for (int size : new int[] {3000, 17_000, 1}) {
                    body.write(new byte[size]);
                    body.flush();
                  }
                });
        Http1Connection connection = new Http1Connection(TIMEOUT)) {
      List<Response> responses = exchange(connection, Request.get(server.uri("/"), null), 3);

      assertThat(responses).containsOnly(new Response(200, 20_001, null));
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void exchange_chunkExtensionsTrailersAndHeaderNamesInAnyCase_areRead() throws Exception {
    String response =
        """
        HTTP/1.1 200 OK\r
        transfer-ENCODING: Chunked\r
        SERVER-timing: a;desc="FRESH" \r
        \r
        5;name=value\r
        hello\r
        A\r
        0123456789\r
        0\r
        X-Checksum: 1\r
        \r
        """;
    try (RawServer server = new RawServer(response, AfterFirst.KEEP_ANSWERING);
        Http1Connection connection = new Http1Connection(TIMEOUT)) {
      List<Response> responses = exchange(connection, Request.get(server.uri("/"), null), 3);

      assertThat(responses).containsOnly(new Response(200, 15, "a;desc=\"FRESH\""));
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void exchange_interimResponses_areSkippedForTheFinalOne() throws Exception {
    String response =
        "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    try (RawServer server = new RawServer(response, AfterFirst.KEEP_ANSWERING);
        Http1Connection connection = new Http1Connection(TIMEOUT)) {
      List<Response> responses = exchange(connection, Request.get(server.uri("/"), null), 2);

      assertThat(responses).containsOnly(new Response(200, 2, null));
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void exchange_connectionClose_opensANewConnectionForTheNextRequest() throws Exception {
    // The server leaves the socket open: a client that kept it would wait for an answer in vain.
    String response = "HTTP/1.1 503 Busy\r\nContent-Length: 2\r\nConnection: Close\r\n\r\nno";
    try (RawServer server = new RawServer(response, AfterFirst.HANG);
        Http1Connection connection = new Http1Connection(Duration.ofMillis(500))) {
      List<Response> responses = exchange(connection, Request.get(server.uri("/"), null), 3);

      assertThat(responses).containsOnly(new Response(503, 2, null));
      assertThat(server.connections()).isEqualTo(3);
    }
  }

  @Test
  void exchange_http10WithoutLength_readsTheBodyToTheEndAndReconnects() throws Exception {
    try (RawServer server = new RawServer("HTTP/1.0 200 OK\r\n\r\nbody", AfterFirst.CLOSE);
        Http1Connection connection = new Http1Connection(TIMEOUT)) {
      List<Response> responses = exchange(connection, Request.get(server.uri("/"), null), 2);

      assertThat(responses).containsOnly(new Response(200, 4, null));
      assertThat(connection.opened()).isEqualTo(2);
    }
  }

  @Test
  void exchange_serverClosedTheIdleConnection_sendsTheRequestAgainOnANewOne() throws Exception {
    try (RawServer server =
            new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", AfterFirst.CLOSE);
        Http1Connection connection = new Http1Connection(TIMEOUT)) {
      Request request = Request.get(server.uri("/"), null);
      exchange(connection, request, 1);
      Thread.sleep(100); // the server's FIN arrives

      Response second = connection.exchange(request);

      assertThat(second).isEqualTo(new Response(200, 2, null));
      assertThat(server.requests()).isEqualTo(2);
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void exchange_aReadOutlastsTheTimeout_throwsAndTheNextRequestGetsANewConnection()
      throws Exception {
    try (JdkServer server = new JdkServer(stallingFirst(1000, fixed(200, new byte[10])));
        Http1Connection connection = new Http1Connection(Duration.ofMillis(200))) {
      Request request = Request.get(server.uri("/"), null);

      assertThatThrownBy(() -> connection.exchange(request))
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(connection.exchange(request)).isEqualTo(new Response(200, 10, null));
      assertThat(connection.opened()).isEqualTo(2);
    }
  }

  @Test
  void exchange_notHttp_throwsProtocolException() throws Exception {
    try (RawServer server = new RawServer("SSH-2.0-OpenSSH\r\n\r\n", AfterFirst.KEEP_ANSWERING);
        Http1Connection connection = new Http1Connection(TIMEOUT)) {
      assertThatThrownBy(() -> connection.exchange(Request.get(server.uri("/"), null)))
          .isInstanceOf(ProtocolException.class);
    }
  }

  private static List<Response> exchange(Http1Connection connection, Request request, int times)
      throws Exception {
    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      responses.add(connection.exchange(request));
    }
    return responses;
  }
}
