package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intropage.app.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's own endpoints for a page in dev mode, on the running service with the demo data:
 * the session description, the demo users, and the operators' migration status and history. The
 * jwt-mode side (session open, dev users absent, migrations for operators only) is in {@link
 * JwtAuthorizationMatrixTest}.
 */
class ServiceEndpointsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static Server server;
  private static Instant started;

  @BeforeAll
  static void start() {
    started = Instant.now();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    server =
        Server.start(
            AppConfig.from(
                Map.of(
                    "INTRO_HTTP_HOST", "127.0.0.1",
                    "INTRO_HTTP_PORT", "0",
                    "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("service.db"))),
            java.time.Clock.systemUTC(),
            quiet,
            quiet);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path)).GET();
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String userId, String... roles) throws Exception {
    String body =
        JSON.writeValueAsString(Map.of("userId", userId, "roles", List.of((Object[]) roles)));
    HttpResponse<String> minted =
        HTTP.send(
            HttpRequest.newBuilder(server.uri().resolve("api/v1/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(minted.statusCode()).isEqualTo(200);
    return JSON.readTree(minted.body()).path("token").asText();
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith(status < 400 ? "application/json" : "application/problem+json");
    return JSON.readTree(response.body());
  }

  @Test
  void session_saysDev_withoutAToken_whateverTheTokenSays() throws Exception {
    assertThat(json(get("api/v1/session", ""), 200).toString()).isEqualTo("{\"authMode\":\"dev\"}");
    assertThat(json(get("api/v1/session", "forged"), 200).path("authMode").asText())
        .isEqualTo("dev");
  }

  @Test
  void devUsers_adaAndGraceFirst_atMost50_withTheirNames() throws Exception {
    JsonNode users = json(get("api/v1/dev/users", ""), 200).path("users");

    assertThat(users.size()).isBetween(3, DevUsersResource.MAX_USERS);
    assertThat(users.get(0).toString())
        .isEqualTo("{\"userId\":\"ada\",\"displayName\":\"Ada Lovelace\"}");
    assertThat(users.get(1).toString())
        .isEqualTo("{\"userId\":\"grace\",\"displayName\":\"Grace Hopper\"}");
    List<String> ids = new ArrayList<>();
    users.forEach(user -> ids.add(user.path("userId").asText()));
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids.subList(2, ids.size())).isSorted();
  }

  @Test
  void devUsers_demoSetLargerThanTheLimit_listsExactly50() throws Exception {
    // The demo set holds ada, grace and 50 generated users.
    assertThat(json(get("api/v1/dev/users", ""), 200).path("users").size())
        .isEqualTo(DevUsersResource.MAX_USERS);
  }

  @Test
  void devUsers_limitedWhateverTheSourceHands() {
    List<DevUsersResource.DevUser> many = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      many.add(new DevUsersResource.DevUser("user-" + i, "User " + i));
    }
    assertThat(new DevUsersResource(limit -> many).users().users())
        .hasSize(DevUsersResource.MAX_USERS);
  }

  @Test
  void devEndpoints_refuseOtherMethods() throws Exception {
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(server.uri().resolve("api/v1/dev/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    json(post, 405);
    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(server.uri().resolve("api/v1/session"))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    json(put, 405);
  }

  @Test
  void migrations_forOperators_stateAndHistory() throws Exception {
    JsonNode status = json(get("api/v1/admin/migrations", token("ops", "intro:admin")), 200);

    assertThat(status.path("state").asText()).isEqualTo("UP");
    assertThat(status.path("detail").asText()).isEqualTo("schema version 6");
    assertThat(status.path("engine").asText()).isEqualTo("SQLITE");
    assertThat(status.path("currentVersion").asInt()).isEqualTo(6);
    assertThat(status.path("upToDate").asBoolean()).isTrue();
    assertThat(status.path("pending").isArray()).isTrue();
    assertThat(status.path("pending").isEmpty()).isTrue();
    assertThat(status.path("drift").isEmpty()).isTrue();
    JsonNode history = status.path("history");
    assertThat(history.size()).isEqualTo(6);
    for (int i = 0; i < history.size(); i++) {
      JsonNode row = history.get(i);
      assertThat(row.path("version").asInt()).isEqualTo(i + 1);
      assertThat(row.path("script").asText()).startsWith("V" + (i + 1) + "__");
      assertThat(row.path("description").asText()).isNotBlank();
      assertThat(row.path("success").asBoolean()).isTrue();
      // The database records the time in its own precision; a day either way is plenty.
      assertThat(Instant.parse(row.path("installedAt").asText()))
          .isBetween(started.minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
    }
    assertThat(history.get(0).path("description").asText()).isEqualTo("users");
  }

  @Test
  void migrations_refuseUsersAndStrangers() throws Exception {
    JsonNode forbidden = json(get("api/v1/admin/migrations", token("ada")), 403);
    assertThat(forbidden.path("type").asText())
        .isEqualTo("https://intropage.dev/problems/forbidden");
    assertThat(forbidden.path("instance").asText()).isEqualTo("/api/v1/admin/migrations");
    json(get("api/v1/admin/migrations", ""), 401);
    json(get("api/v1/admin/migrations", "forged"), 401);
  }

  @Test
  void endpoints_areInTheDocument() throws Exception {
    JsonNode paths = JSON.readTree(get("openapi.json", "").body()).path("paths");

    assertThat(paths.has("/api/v1/session")).isTrue();
    assertThat(paths.has("/api/v1/dev/users")).isTrue();
    assertThat(paths.path("/api/v1/admin/migrations").path("get").path("responses").has("403"))
        .isTrue();
  }
}
