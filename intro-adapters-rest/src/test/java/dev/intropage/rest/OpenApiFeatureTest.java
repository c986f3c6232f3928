package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature's documentation endpoints in a host that registers only the feature: the document
 * holds exactly the feature's operations, Swagger UI's files are found by plain name only, and
 * {@code openApi(false)} leaves all of it out.
 */
class OpenApiFeatureTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = new TestApp(true);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void document_holdsExactlyTheFeaturesOperations_withoutToken() throws Exception {
    HttpResponse<byte[]> response = app.get("/openapi.json", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = app.body(response);
    assertThat(document.path("openapi").asText()).startsWith("3.1.");
    assertThat(document.path("info").path("title").asText()).isEqualTo("Intro Page API");
    assertThat(document.path("info").path("version").asText()).isNotBlank();
    Set<String> operations = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(method -> operations.add(method + " " + path.getKey())));
    assertThat(operations)
        .containsExactlyInAnyOrder(
            "get /api/v1/intro-page/{userId}",
            "get /api/v1/intro-page/{userId}/health",
            "get /api/v1/intro-page/{userId}/activity",
            "get /api/v1/intro-page/{userId}/events",
            "get /api/v1/intro-page/metrics",
            "post /api/v1/intro-page/cache/invalidate",
            "put /api/v1/intro-page/{userId}/preferences",
            "post /api/v1/intro-page/{userId}/actions/{itemId}/{command}",
            "get /health/live",
            "get /health/ready");
  }

  @Test
  void yamlAndDocs_needNoToken() throws Exception {
    HttpResponse<byte[]> yaml = app.get("/openapi.yaml", null);
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(text(yaml)).startsWith("openapi: 3.1.");
    assertThat(app.get("/docs", null).statusCode()).isEqualTo(200);
    assertThat(app.get("/docs/index.html", null).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> initializer = app.get("/docs/swagger-initializer.js", null);
    assertThat(text(initializer)).contains("\"/openapi.json\"").doesNotContain("petstore");
  }

  @Test
  void docsFiles_onlyPlainNamesOfTheWebjarDirectory() throws Exception {
    SwaggerUiResource ui = new SwaggerUiResource();

    assertThat(ui.resource("swagger-ui-bundle.js"))
        .hasValueSatisfying(r -> assertThat(r).startsWith(SwaggerUiResource.WEBJAR_ROOT));
    for (String name :
        List.of(
            "..",
            ".",
            "../../../maven/org.webjars/swagger-ui/pom.properties",
            "..\\..\\pom.properties",
            ".hidden",
            "a/b.js",
            "x..",
            "",
            "%2e%2e")) {
      assertThat(ui.resource(name)).as(name).isEmpty();
    }
    for (String path :
        List.of("/docs/%2e%2e", "/docs/..%2Fpom.xml", "/docs/.%2e", "/docs/..%5Cpom.xml")) {
      HttpResponse<byte[]> response = app.get(path, null);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(text(response)).as(path).doesNotContain("<project");
    }
  }

  @Test
  void docsFiles_haveTheirContentTypes() {
    assertThat(SwaggerUiResource.contentType("swagger-ui-bundle.js")).startsWith("text/javascript");
    assertThat(SwaggerUiResource.contentType("swagger-ui.css")).startsWith("text/css");
    assertThat(SwaggerUiResource.contentType("favicon-32x32.png")).isEqualTo("image/png");
    assertThat(SwaggerUiResource.contentType("index.html")).startsWith("text/html");
    assertThat(SwaggerUiResource.contentType("LICENSE")).isEqualTo("application/octet-stream");
  }

  @Test
  void openApiOff_leavesDocumentAndDocsOut() throws Exception {
    try (TestApp bare = new TestApp(true, () -> true, false)) {
      assertThat(bare.get("/openapi.json", null).statusCode()).isEqualTo(404);
      assertThat(bare.get("/openapi.yaml", null).statusCode()).isEqualTo(404);
      assertThat(bare.get("/docs", null).statusCode()).isEqualTo(404);
      assertThat(bare.get("/health/live", null).statusCode()).isEqualTo(200);
    }
  }
}
