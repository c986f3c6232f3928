package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.intropage.app.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service says what its {@code /openapi.json} says: every endpoint is called as a new
 * client would, refusals included (401, 403, 404, 400, 409, 412, 413, 415, 422, 428, 304), and each
 * real answer must have a status and a content type the document declares for that operation, and a
 * body that validates, as JSON Schema 2020-12, against the schema declared for them.
 */
class OpenApiConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  @TempDir static Path dir;
  private static Server server;
  private static JsonNode document;
  private static String ada;
  private static String grace;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    server =
        Server.start(
            AppConfig.from(
                Map.of(
                    "INTRO_HTTP_HOST", "127.0.0.1",
                    "INTRO_HTTP_PORT", "0",
                    "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("conformance.db"))),
            Clock.systemUTC(),
            quiet,
            quiet);
    document = JSON.readTree(send(new Call("GET", "/openapi.json", "")).body());
    ada = token("ada");
    grace = token("grace");
    admin = token("ops", "intro:admin");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One request: method, path, token (empty for none), body (empty for none), headers. */
  private record Call(
      String method, String path, String token, String body, Map<String, String> headers) {
    Call(String method, String path, String token) {
      this(method, path, token, "", Map.of());
    }

    Call(String method, String path, String token, String body) {
      this(method, path, token, body, Map.of());
    }
  }

  private static HttpResponse<String> send(Call call) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.uri() + call.path().substring(1)))
            .timeout(Duration.ofSeconds(30))
            .method(
                call.method(),
                call.body().isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(call.body()));
    if (call.body().length() > 64 * 1024) {
      // As a careful client sends a large body: the service refuses it before reading it, and
      // the client sends nothing the service would have to discard.
      request.expectContinue(true);
    }
    if (!call.body().isEmpty() && !call.headers().containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    call.headers().forEach(request::header);
    if (!call.token().isEmpty()) {
      request.header("Authorization", "Bearer " + call.token());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String userId, String... roles) throws Exception {
    HttpResponse<String> minted =
        send(
            new Call(
                "POST",
                "/api/v1/dev/token",
                "",
                JSON.writeValueAsString(
                    Map.of("userId", userId, "roles", List.of((Object[]) roles)))));
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
    return JSON.readTree(minted.body()).path("token").asText();
  }

  /**
   * Sends a call of the operation {@code method template}, checks its answer against the document
   * and returns it.
   */
  private static HttpResponse<String> check(
      String template, Call call, List<String> mismatches, Set<String> answered) throws Exception {
    HttpResponse<String> response = send(call);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    List<String> found =
        mismatches(
            document, call.method(), template, response.statusCode(), contentType, body(response));
    found.forEach(problem -> mismatches.add(call.method() + " " + call.path() + ": " + problem));
    answered.add(call.method() + " " + template + " " + response.statusCode());
    return response;
  }

  private static String body(HttpResponse<String> response) {
    return response.body() == null ? "" : response.body();
  }

  /**
   * What is wrong with an answer by the document: an operation, status or content type it does not
   * declare, a body where it declares none, or a body that does not validate against the declared
   * schema. Empty when the answer conforms.
   */
  static List<String> mismatches(
      JsonNode document,
      String method,
      String template,
      int status,
      String contentType,
      String body) {
    JsonNode operation =
        document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      return List.of("the document has no operation " + method + " " + template);
    }
    JsonNode responses = operation.path("responses");
    JsonNode declared =
        responses.has(Integer.toString(status))
            ? responses.path(Integer.toString(status))
            : responses.path("default");
    if (declared.isMissingNode()) {
      return List.of("status " + status + " is not declared: " + body);
    }
    JsonNode content = declared.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return body.isEmpty()
          ? List.of()
          : List.of("status " + status + " declares no body, but one came: " + body);
    }
    String mediaType = mediaType(contentType);
    JsonNode described = null;
    for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (mediaType(name).equals(mediaType)) {
        described = content.path(name);
      }
    }
    if (described == null) {
      return List.of(
          "content type '" + contentType + "' is not declared for " + status + ": " + content);
    }
    JsonNode schema = described.path("schema");
    boolean json = mediaType.endsWith("/json") || mediaType.endsWith("+json");
    if (schema.isMissingNode() || !json) {
      return List.of();
    }
    List<String> errors = new ArrayList<>();
    for (Error error : compiled(document, schema).validate(body, InputFormat.JSON)) {
      errors.add(status + " " + error + " in " + body);
    }
    return errors;
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The declared schema as a JSON Schema 2020-12 document that carries the OpenAPI document's
   * components, so that its {@code #/components/schemas/...} references resolve.
   */
  private static Schema compiled(JsonNode document, JsonNode schema) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.setAll((ObjectNode) schema.deepCopy());
    root.set("components", document.path("components").deepCopy());
    String text = root.toString();
    return COMPILED.computeIfAbsent(text, t -> SCHEMAS.getSchema(t, InputFormat.JSON));
  }

  @Test
  void everyEndpoint_answersAsTheDocumentSays() throws Exception {
    List<String> mismatches = new ArrayList<>();
    Set<String> answered = new TreeSet<>();

    // The page: 200, 304 on its ETag, 400, 401, 403, 404.
    String page = "/api/v1/intro-page/{userId}";
    // A section may refresh between the two requests; the pair is tried again until it matches.
    int revalidated = 0;
    for (int tries = 0; tries < 10 && revalidated != 304; tries++) {
      HttpResponse<String> adasPage =
          check(page, new Call("GET", "/api/v1/intro-page/ada", ada), mismatches, answered);
      String etag = adasPage.headers().firstValue("ETag").orElseThrow();
      revalidated =
          check(
                  page,
                  new Call("GET", "/api/v1/intro-page/ada", ada, "", Map.of("If-None-Match", etag)),
                  mismatches,
                  answered)
              .statusCode();
    }
    check(page, new Call("GET", "/api/v1/intro-page/ada?sections=nope", ada), mismatches, answered);
    check(page, new Call("GET", "/api/v1/intro-page/bad%20id", ada), mismatches, answered);
    check(page, new Call("GET", "/api/v1/intro-page/ada", ""), mismatches, answered);
    check(page, new Call("GET", "/api/v1/intro-page/ada", "forged"), mismatches, answered);
    check(page, new Call("GET", "/api/v1/intro-page/ada", grace), mismatches, answered);
    check(page, new Call("GET", "/api/v1/intro-page/nobody-here", admin), mismatches, answered);

    String health = "/api/v1/intro-page/{userId}/health";
    check(health, new Call("GET", "/api/v1/intro-page/ada/health", ada), mismatches, answered);
    check(
        health, new Call("GET", "/api/v1/intro-page/bad%20id/health", admin), mismatches, answered);
    check(health, new Call("GET", "/api/v1/intro-page/ada/health", ""), mismatches, answered);
    check(health, new Call("GET", "/api/v1/intro-page/ada/health", grace), mismatches, answered);

    // Older activity, followed to its last page, whose cursor is null.
    String activity = "/api/v1/intro-page/{userId}/activity";
    String cursor = "";
    for (int pages = 0; pages < 500; pages++) {
      HttpResponse<String> feed =
          check(
              activity,
              new Call("GET", "/api/v1/intro-page/ada/activity?limit=100" + cursor, ada),
              mismatches,
              answered);
      JsonNode next = JSON.readTree(feed.body()).path("nextCursor");
      if (next.isNull()) {
        break;
      }
      cursor = "&cursor=" + next.asText();
    }
    assertThat(cursor).as("the feed has more than one page").isNotEmpty();
    check(
        activity,
        new Call("GET", "/api/v1/intro-page/ada/activity?limit=0", ada),
        mismatches,
        answered);
    check(activity, new Call("GET", "/api/v1/intro-page/ada/activity", ""), mismatches, answered);
    check(
        activity, new Call("GET", "/api/v1/intro-page/ada/activity", grace), mismatches, answered);
    check(
        activity,
        new Call("GET", "/api/v1/intro-page/nobody-here/activity", admin),
        mismatches,
        answered);

    String events = "/api/v1/intro-page/{userId}/events";
    checkStream(events, "/api/v1/intro-page/ada/events", ada, mismatches, answered);
    check(events, new Call("GET", "/api/v1/intro-page/bad%20id/events", ada), mismatches, answered);
    check(events, new Call("GET", "/api/v1/intro-page/ada/events", ""), mismatches, answered);
    check(events, new Call("GET", "/api/v1/intro-page/ada/events", admin), mismatches, answered);

    String metrics = "/api/v1/intro-page/metrics";
    check(metrics, new Call("GET", metrics, admin), mismatches, answered);
    check(metrics, new Call("GET", metrics, ada), mismatches, answered);
    check(metrics, new Call("GET", metrics, ""), mismatches, answered);

    // Invalidation: everything (user and section null), one user's section, refusals.
    String invalidate = "/api/v1/intro-page/cache/invalidate";
    check(invalidate, new Call("POST", invalidate, admin, "{}"), mismatches, answered);
    check(
        invalidate,
        new Call("POST", invalidate, admin, "{\"userId\":\"ada\",\"section\":\"activity\"}"),
        mismatches,
        answered);
    check(
        invalidate,
        new Call("POST", invalidate, admin, "{\"section\":\"nope\"}"),
        mismatches,
        answered);
    check(invalidate, new Call("POST", invalidate, admin, "{\"unknown\":1}"), mismatches, answered);
    check(invalidate, new Call("POST", invalidate, ada, "{}"), mismatches, answered);
    check(invalidate, new Call("POST", invalidate, "", "{}"), mismatches, answered);
    check(
        invalidate,
        new Call("POST", invalidate, admin, "x", Map.of("Content-Type", "text/plain")),
        mismatches,
        answered);
    check(
        invalidate,
        new Call("POST", invalidate, admin, "{\"section\":\"" + "x".repeat(70_000) + "\"}"),
        mismatches,
        answered);

    checkPreferences(mismatches, answered);
    checkActions(mismatches, answered);

    check("/health/live", new Call("GET", "/health/live", ""), mismatches, answered);
    check("/health/ready", new Call("GET", "/health/ready", ""), mismatches, answered);
    check("/metrics", new Call("GET", "/metrics", ""), mismatches, answered);

    String devToken = "/api/v1/dev/token";
    check(devToken, new Call("POST", devToken, "", "{\"userId\":\"ada\"}"), mismatches, answered);
    check(devToken, new Call("POST", devToken, "", "{}"), mismatches, answered);
    check(
        devToken, new Call("POST", devToken, "", "{\"userId\":\"bad id\"}"), mismatches, answered);
    check(
        devToken,
        new Call("POST", devToken, "", "x", Map.of("Content-Type", "text/plain")),
        mismatches,
        answered);
    check("/api/v1/dev/users", new Call("GET", "/api/v1/dev/users", ""), mismatches, answered);
    check("/api/v1/session", new Call("GET", "/api/v1/session", ""), mismatches, answered);
    String migrations = "/api/v1/admin/migrations";
    check(migrations, new Call("GET", migrations, admin), mismatches, answered);
    check(migrations, new Call("GET", migrations, ada), mismatches, answered);
    check(migrations, new Call("GET", migrations, ""), mismatches, answered);

    assertThat(mismatches).isEmpty();
    assertThat(answered)
        .contains(
            "GET " + page + " 200",
            "GET " + page + " 304",
            "GET " + page + " 400",
            "GET " + page + " 401",
            "GET " + page + " 403",
            "GET " + page + " 404",
            "POST " + invalidate + " 202",
            "POST " + invalidate + " 413",
            "POST " + invalidate + " 415",
            "PUT /api/v1/intro-page/{userId}/preferences 200",
            "PUT /api/v1/intro-page/{userId}/preferences 412",
            "PUT /api/v1/intro-page/{userId}/preferences 422",
            "PUT /api/v1/intro-page/{userId}/preferences 428",
            "POST /api/v1/intro-page/{userId}/actions/{itemId}/{command} 200",
            "POST /api/v1/intro-page/{userId}/actions/{itemId}/{command} 404",
            "POST /api/v1/intro-page/{userId}/actions/{itemId}/{command} 409",
            "GET " + migrations + " 403");
    assertThat(operationsWithASuccess(answered)).isEqualTo(operations(document));
  }

  private static void checkStream(
      String template, String path, String token, List<String> mismatches, Set<String> answered)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.uri() + path.substring(1)))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    HttpResponse<InputStream> response =
        HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    // The stream's body never ends; only its status and content type are checked.
    response.body().close();
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    mismatches(document, "GET", template, response.statusCode(), contentType, "")
        .forEach(problem -> mismatches.add("GET " + path + ": " + problem));
    answered.add("GET " + template + " " + response.statusCode());
  }

  /** Preferences of a generated demo user, who has stored none: unset values go out as null. */
  private static void checkPreferences(List<String> mismatches, Set<String> answered)
      throws Exception {
    String template = "/api/v1/intro-page/{userId}/preferences";
    JsonNode users = JSON.readTree(send(new Call("GET", "/api/v1/dev/users", "")).body());
    String user = users.path("users").path(2).path("userId").asText();
    String owner = token(user);
    String path = "/api/v1/intro-page/" + user + "/preferences";
    String body = "{\"sectionOrder\":[\"actions\"]}";
    HttpResponse<String> stored =
        check(
            template,
            new Call(
                "PUT", path, owner, body, Map.of("If-Match", "\"0\"", "Idempotency-Key", key())),
            mismatches,
            answered);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(JSON.readTree(stored.body()).path("theme").isNull()).isTrue();
    check(
        template,
        new Call("PUT", path, owner, body, Map.of("If-Match", "\"0\"", "Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call(
            "PUT",
            path,
            owner,
            "{\"sectionOrder\":[\"nope\"]}",
            Map.of("If-Match", "\"1\"", "Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call("PUT", path, owner, body, Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call("PUT", path, owner, body, Map.of("If-Match", "one", "Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call(
            "PUT",
            path,
            owner,
            "{\"theme\":\"PURPLE\"}",
            Map.of("If-Match", "\"1\"", "Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call(
            "PUT",
            path,
            owner,
            "x",
            Map.of("If-Match", "\"1\"", "Idempotency-Key", key(), "Content-Type", "text/plain")),
        mismatches,
        answered);
    check(
        template,
        new Call("PUT", path, ada, body, Map.of("If-Match", "\"1\"", "Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call("PUT", path, "", body, Map.of("If-Match", "\"1\"", "Idempotency-Key", key())),
        mismatches,
        answered);
  }

  /** Ada's action items: done, done again with a stale version, refused, unknown. */
  private static void checkActions(List<String> mismatches, Set<String> answered) throws Exception {
    String template = "/api/v1/intro-page/{userId}/actions/{itemId}/{command}";
    JsonNode items =
        JSON.readTree(send(new Call("GET", "/api/v1/intro-page/ada?sections=actions", ada)).body())
            .path("sections")
            .path(0)
            .path("data")
            .path("items");
    assertThat(items.size()).isGreaterThan(1);
    JsonNode first = items.path(0).path("item");
    JsonNode second = items.path(1).path("item");
    String base = "/api/v1/intro-page/ada/actions/";
    String firstPath = base + first.path("id").asText();
    long version = first.path("version").asLong();
    String at = "{\"version\":" + version + "}";
    check(
        template,
        new Call("POST", firstPath + "/complete", ada, at, Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call("POST", firstPath + "/dismiss", ada, at, Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call(
            "POST",
            firstPath + "/dismiss",
            ada,
            "{\"version\":" + (version + 1) + "}",
            Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
    String until = Instant.now().plus(Duration.ofHours(1)).toString();
    check(
        template,
        new Call(
            "POST",
            base + second.path("id").asText() + "/snooze",
            ada,
            "{\"version\":" + second.path("version").asLong() + ",\"until\":\"" + until + "\"}",
            Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call(
            "POST",
            base + "no-such-item/complete",
            ada,
            "{\"version\":0}",
            Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call("POST", firstPath + "/complete", ada, "{}", Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
    check(template, new Call("POST", firstPath + "/complete", ada, at), mismatches, answered);
    check(
        template,
        new Call("POST", firstPath + "/complete", grace, at, Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
    check(
        template,
        new Call("POST", firstPath + "/complete", "", at, Map.of("Idempotency-Key", key())),
        mismatches,
        answered);
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  /** Every operation of the document, such as {@code GET /health/live}. */
  private static Set<String> operations(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return operations;
  }

  private static Set<String> operationsWithASuccess(Set<String> answered) {
    Set<String> operations = new TreeSet<>();
    for (String answer : answered) {
      int status = Integer.parseInt(answer.substring(answer.lastIndexOf(' ') + 1));
      if (status >= 200 && status < 300) {
        operations.add(answer.substring(0, answer.lastIndexOf(' ')));
      }
    }
    return operations;
  }

  // The checks bite: each wrong answer below is found.

  private static final String HEALTH = "/api/v1/intro-page/{userId}/health";

  private static String healthBody(@Nullable String lastFailure) {
    return "{\"userId\":\"ada\",\"checkedAt\":\"2026-01-01T00:00:00Z\",\"sections\":[{"
        + "\"section\":\"activity\",\"criticality\":\"STANDARD\",\"breaker\":\"CLOSED\","
        + "\"lastSuccess\":null,\"lastFailure\":"
        + (lastFailure == null ? "null" : lastFailure)
        + ",\"lastErrorCode\":null}]}";
  }

  @Test
  void validator_acceptsARightBody() {
    assertThat(mismatches(document, "GET", HEALTH, 200, "application/json", healthBody(null)))
        .isEmpty();
    assertThat(
            mismatches(
                document,
                "GET",
                HEALTH,
                200,
                "application/json",
                healthBody("\"2026-01-01T00:00:00Z\"")))
        .isEmpty();
  }

  @Test
  void validator_refusesAWrongBody() {
    assertThat(mismatches(document, "GET", HEALTH, 200, "application/json", healthBody("42")))
        .singleElement()
        .asString()
        .contains("lastFailure");
    assertThat(
            mismatches(
                document,
                "PUT",
                "/api/v1/intro-page/{userId}/preferences",
                200,
                "application/json",
                "{\"theme\":\"PURPLE\",\"density\":null,\"sectionOrder\":[],\"hiddenSections\":[],"
                    + "\"zone\":null,\"locale\":null,\"version\":1}"))
        .isNotEmpty();
    assertThat(
            mismatches(
                document,
                "GET",
                HEALTH,
                401,
                "application/problem+json",
                "{\"type\":\"t\",\"title\":\"Unauthorized\",\"detail\":\"d\",\"instance\":\"/\"}"))
        .singleElement()
        .asString()
        .contains("status");
  }

  @Test
  void validator_refusesNullWhereTheDocumentSaidNonNull() {
    ObjectNode old = document.deepCopy();
    ObjectNode lastFailure =
        JSON.createObjectNode().put("type", "string").put("format", "date-time");
    ((ObjectNode)
            old.path("components").path("schemas").path("SectionHealthView").path("properties"))
        .set("lastFailure", lastFailure);

    assertThat(mismatches(old, "GET", HEALTH, 200, "application/json", healthBody(null)))
        .singleElement()
        .asString()
        .contains("lastFailure");
  }

  @Test
  void check_refusesUndeclaredStatusesContentTypesAndBodies() {
    assertThat(mismatches(document, "GET", "/health/live", 418, "application/json", "{}"))
        .singleElement()
        .asString()
        .contains("status 418 is not declared");
    assertThat(mismatches(document, "GET", HEALTH, 200, "text/html", "<p>"))
        .singleElement()
        .asString()
        .contains("content type 'text/html' is not declared");
    assertThat(mismatches(document, "GET", "/api/v1/intro-page/{userId}", 304, "", "{}"))
        .singleElement()
        .asString()
        .contains("declares no body");
    assertThat(mismatches(document, "DELETE", HEALTH, 200, "application/json", "{}"))
        .singleElement()
        .asString()
        .contains("no operation");
  }
}
