package dev.intropage.app;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intropage.app.config.AppConfig;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated OpenAPI document against the service that serves it: it parses as OpenAPI 3.1,
 * every operation it names answers on the live server, docs/api.md lists exactly its operations,
 * and Swagger UI is served from the webjar without letting a path climb out of it.
 */
class OpenApiTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern API_ROW =
      Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE)` \\| `([^`]+)` \\|", Pattern.MULTILINE);

  @TempDir static Path dir;
  private static Server server;
  private static URI uri;
  private static String token;
  private static OpenAPI document;

  @BeforeAll
  static void start() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
    server =
        Server.start(
            AppConfig.from(
                Map.of(
                    "INTRO_HTTP_PORT", "0", "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("o.db"))),
            Clock.systemUTC(),
            quiet,
            quiet);
    uri = server.uri();
    HttpResponse<String> minted =
        send(
            HttpRequest.newBuilder(uri.resolve("api/v1/dev/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"ada\",\"roles\":[\"intro:admin\"]}")));
    token = JSON.readTree(minted.body()).path("token").asText();
    assertThat(token).isNotBlank();
    document = parse(get("openapi.json").body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(uri + path)).GET());
  }

  private static OpenAPI parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    return result.getOpenAPI();
  }

  /** Every (method, path) of the document, such as {@code GET /health/live}. */
  private static Set<String> operations(OpenAPI api) {
    Set<String> operations = new TreeSet<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(method -> operations.add(method.name() + " " + path)));
    return operations;
  }

  @Test
  void json_isOpenApi31WithTitleVersionAndTheBearerScheme() throws Exception {
    HttpResponse<String> response = get("openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(document.getOpenapi()).startsWith("3.1.");
    assertThat(document.getInfo().getTitle()).isEqualTo("Intro Page API");
    assertThat(document.getInfo().getVersion()).isNotBlank();
    SecurityScheme bearer =
        requireNonNull(document.getComponents().getSecuritySchemes().get("bearer"), "bearer");
    assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(bearer.getScheme()).isEqualTo("bearer");
    assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
    assertThat(operations(document))
        .contains(
            "GET /api/v1/intro-page/{userId}",
            "PUT /api/v1/intro-page/{userId}/preferences",
            "POST /api/v1/intro-page/{userId}/actions/{itemId}/{command}",
            "GET /health/ready",
            "GET /metrics",
            "POST /api/v1/dev/token",
            "GET /api/v1/dev/users",
            "GET /api/v1/session",
            "GET /api/v1/admin/migrations")
        .noneMatch(operation -> operation.contains("openapi") || operation.contains("/docs"));
  }

  @Test
  void yaml_parsesToTheSameOperations() throws Exception {
    HttpResponse<String> response = get("openapi.yaml");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
    OpenAPI yaml = parse(response.body());
    assertThat(yaml.getOpenapi()).startsWith("3.1.");
    assertThat(operations(yaml)).isEqualTo(operations(document));
  }

  @Test
  void apiOperations_needTheBearerToken_probesAndServiceEndpointsDoNot() {
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          List<SecurityRequirement> security = operation.getSecurity();
                          boolean open =
                              !path.startsWith("/api/")
                                  || path.equals("/api/v1/session")
                                  || path.startsWith("/api/v1/dev/");
                          if (open) {
                            assertThat(security).as(method + " " + path).isNullOrEmpty();
                          } else {
                            assertThat(security)
                                .as(method + " " + path)
                                .singleElement()
                                .satisfies(r -> assertThat(r).containsOnlyKeys("bearer"));
                          }
                        }));
  }

  @Test
  void everyOperation_hasSummaryDescriptionAndProblemErrors() {
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String name = method + " " + path;
                          assertThat(operation.getSummary()).as(name).isNotBlank();
                          assertThat(operation.getDescription()).as(name).isNotBlank();
                          assertThat(operation.getResponses()).as(name).isNotEmpty();
                          if (operation.getParameters() != null) {
                            operation
                                .getParameters()
                                .forEach(
                                    p ->
                                        assertThat(p.getDescription())
                                            .as(name + " " + p.getName())
                                            .isNotBlank());
                          }
                          operation
                              .getResponses()
                              .forEach((code, response) -> assertProblem(name, code, response));
                        }));
  }

  private static void assertProblem(String operation, String code, ApiResponse response) {
    assertThat(response.getDescription()).as(operation + " " + code).isNotBlank();
    if (code.startsWith("4") || code.startsWith("500") || code.startsWith("501")) {
      String name = operation + " " + code;
      MediaType problem =
          requireNonNull(response.getContent(), name).get("application/problem+json");
      assertThat(requireNonNull(problem, name + " is a problem").getSchema().get$ref())
          .isEqualTo("#/components/schemas/Problem");
    }
  }

  @Test
  void writeOperations_declareTheirHeaders_andTheirStatuses() {
    Operation preferences = item("/api/v1/intro-page/{userId}/preferences").getPut();
    assertThat(headers(preferences)).contains("If-Match", "Idempotency-Key");
    assertThat(preferences.getResponses())
        .containsKeys("200", "400", "401", "403", "412", "422", "428");
    Operation act = item("/api/v1/intro-page/{userId}/actions/{itemId}/{command}").getPost();
    assertThat(headers(act)).contains("Idempotency-Key");
    assertThat(act.getResponses()).containsKeys("200", "400", "401", "403", "404", "409", "422");
    Operation page = item("/api/v1/intro-page/{userId}").getGet();
    assertThat(headers(page)).contains("If-None-Match");
    assertThat(page.getResponses()).containsKeys("200", "304", "400", "401", "403", "404", "503");
  }

  private static PathItem item(String path) {
    return requireNonNull(document.getPaths().get(path), path);
  }

  private static List<String> headers(Operation operation) {
    return operation.getParameters().stream()
        .filter(p -> "header".equals(p.getIn()))
        .map(Parameter::getName)
        .toList();
  }

  @Test
  void everyOperation_answersOnTheLiveServer() throws Exception {
    String itemId = anItemOfAda();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, PathItem> entry : document.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> operation :
          entry.getValue().readOperationsMap().entrySet()) {
        HttpResponse<InputStream> response =
            call(operation.getKey().name(), entry.getKey(), operation.getValue(), itemId);
        try (InputStream body = response.body()) {
          int status = response.statusCode();
          if (status == 404 || status == 405) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            missing.add(operation.getKey() + " " + entry.getKey() + " -> " + status + " " + text);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static String anItemOfAda() throws Exception {
    HttpResponse<String> page =
        send(
            HttpRequest.newBuilder(uri.resolve("api/v1/intro-page/ada?sections=actions"))
                .header("Authorization", "Bearer " + token));
    assertThat(page.statusCode()).isEqualTo(200);
    for (JsonNode section : JSON.readTree(page.body()).path("sections")) {
      if (section.path("key").asText().equals("actions")) {
        String id = section.path("data").path("items").path(0).path("item").path("id").asText();
        assertThat(id).isNotBlank();
        return id;
      }
    }
    throw new AssertionError("ada's page has no actions section: " + page.body());
  }

  /**
   * Calls an operation with its path parameters filled in, its headers set and a JSON body. The
   * body is a stream, read only on failure, so that a streaming endpoint (server-sent events)
   * answers as soon as its headers do.
   */
  private static HttpResponse<InputStream> call(
      String method, String template, Operation operation, String itemId) throws Exception {
    String path =
        template
            .replace("{userId}", "ada")
            .replace("{itemId}", itemId)
            .replace("{command}", "complete");
    assertThat(path).as("every path parameter is filled in").doesNotContain("{");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri + path.substring(1)));
    request.header("Authorization", "Bearer " + token);
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        switch (parameter.getName()) {
          case "If-Match" -> request.header("If-Match", "\"0\"");
          case "Idempotency-Key" -> request.header("Idempotency-Key", UUID.randomUUID().toString());
          default -> {}
        }
      }
    }
    if (operation.getRequestBody() != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString("{}"));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofInputStream());
  }

  @Test
  void apiDocs_listExactlyTheOperationsOfTheDocument() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "api.md"));
    int start = doc.indexOf("\n## Endpoints");
    assertThat(start).as("docs/api.md has an Endpoints section").isPositive();
    int end = doc.indexOf("\n## ", start + 1);
    Matcher row = API_ROW.matcher(doc.substring(start, end < 0 ? doc.length() : end));
    List<String> listed = new ArrayList<>();
    while (row.find()) {
      listed.add(row.group(1) + " " + row.group(2));
    }

    assertThat(listed).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(listed)).isEqualTo(operations(document));
  }

  @Test
  void docs_servesSwaggerUiPointingAtTheDocument() throws Exception {
    HttpResponse<String> page = get("docs");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("url: \"/openapi.json\"", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css")
        .doesNotContain("petstore");

    HttpResponse<String> bundle = get("docs/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    assertThat(get("docs/swagger-ui.css").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(get("docs/no-such-file.js").statusCode()).isEqualTo(404);
  }

  @Test
  void docs_pathsOutsideTheWebjar_areRefused() throws Exception {
    for (String path :
        List.of(
            "docs/../../etc/passwd",
            "docs/..%2F..%2Fetc%2Fpasswd",
            "docs/%2e%2e/%2e%2e/etc/passwd",
            "docs/%2e%2e",
            "docs/..",
            "docs/.%2e/pom.properties",
            "docs/..%5C..%5Cetc%5Cpasswd")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("root:", "version=");
    }
  }
}
