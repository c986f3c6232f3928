package dev.intropage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.app.config.AppConfig;
import dev.intropage.rest.security.TokenMinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole service on a free port: SQLite file, migrations, demo seed, real HTTP, real tokens. */
class ServerTest {
  private static final String SECRET = "server-test-secret-of-32-bytes-or-more!";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Server start(Map<String, String> env) {
    return Server.start(
        AppConfig.from(env),
        Clock.systemUTC(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static java.util.List<java.net.InetAddress> nonLoopbackAddresses() throws Exception {
    return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .toList();
  }

  private HttpResponse<String> get(URI uri, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri.resolve(path)).GET();
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void devMode_startsMigratedAndSeeded_mintsTokensAndServesThePage(@TempDir Path dir)
      throws Exception {
    try (Server server =
        start(
            Map.of(
                "INTRO_HTTP_PORT",
                "0",
                "INTRO_DB_URL",
                "jdbc:sqlite:" + dir.resolve("data/intro.db")))) {
      URI uri = server.uri();
      assertThat(server.ready()).isTrue();
      assertThat(server.boundHost()).isEqualTo("127.0.0.1");
      for (java.net.InetAddress other : nonLoopbackAddresses()) {
        assertThatThrownBy(() -> new java.net.Socket(other, uri.getPort()).close())
            .as("listening on " + other)
            .isInstanceOf(ConnectException.class);
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("listening on " + uri);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("DEV MODE");
      assertThat(get(uri, "health/ready", "").statusCode()).isEqualTo(200);

      HttpResponse<String> minted =
          http.send(
              HttpRequest.newBuilder(uri.resolve("api/v1/dev/token"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"ada\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(minted.statusCode()).isEqualTo(200);
      Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(minted.body());
      assertThat(token.find()).isTrue();

      HttpResponse<String> page = get(uri, "api/v1/intro-page/ada", token.group(1));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Good ", "Ada", "\"statistics\"", "\"actions\"");
      assertThat(page.body())
          .contains("\"name\":\"migrations\",\"state\":\"UP\"", "\"schemaVersion\":\"6\"");
      assertThat(get(uri, "api/v1/intro-page/grace", token.group(1)).statusCode()).isEqualTo(403);

      HttpResponse<java.util.stream.Stream<String>> events =
          http.send(
              HttpRequest.newBuilder(uri.resolve("api/v1/intro-page/ada/events"))
                  .header("Authorization", "Bearer " + token.group(1))
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      assertThat(events.statusCode()).isEqualTo(200);
      try (java.util.stream.Stream<String> lines = events.body()) {
        assertThat(lines.limit(20).anyMatch(line -> line.equals("event: page"))).isTrue();
      }

      String metrics = get(uri, "metrics", "").body();
      assertThat(metrics)
          .contains("intro_section_duration_seconds_bucket", "intro_page_duration_seconds")
          .contains("http_server_requests_seconds_count", "jvm_memory_used_bytes")
          .contains("hikaricp_connections");
    }
  }

  @Test
  void jwtMode_noDevTokenEndpoint_andConfiguredTokensWork(@TempDir Path dir) throws Exception {
    try (Server server =
        start(
            Map.of(
                "INTRO_HTTP_PORT",
                "0",
                "INTRO_DB_URL",
                "jdbc:sqlite:" + dir.resolve("intro.db"),
                "INTRO_AUTH_JWT_SECRET",
                SECRET,
                "INTRO_AUTH_JWT_ISSUER",
                "https://auth.example"))) {
      URI uri = server.uri();
      HttpResponse<String> dev =
          http.send(
              HttpRequest.newBuilder(uri.resolve("api/v1/dev/token"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"ada\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(dev.statusCode()).isEqualTo(404);
      assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("DEV MODE");

      TokenMinter minter =
          TokenMinter.hs256(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
      String admin =
          minter
              .withIssuer("https://auth.example")
              .mint("ops", Set.of("intro:admin"), Duration.ofMinutes(5));
      String wrongIssuer = minter.mint("ops", Set.of("intro:admin"), Duration.ofMinutes(5));
      assertThat(get(uri, "api/v1/intro-page/grace", admin).statusCode()).isEqualTo(200);
      assertThat(get(uri, "api/v1/intro-page/grace", wrongIssuer).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void close_stopsListeningAndReadiness(@TempDir Path dir) throws Exception {
    Server server =
        start(Map.of("INTRO_HTTP_PORT", "0", "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("x.db")));
    URI uri = server.uri();

    server.close();
    server.close();

    assertThat(server.ready()).isFalse();
    assertThatThrownBy(() -> get(uri, "health/live", "")).isInstanceOf(ConnectException.class);
  }
}
