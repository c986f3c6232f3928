package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature's OpenAPI document says what the golden copy says, whatever the shape of the classes
 * it is read from: the same operations, parameters, responses, headers, schemas and security.
 */
class OpenApiDocumentTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = new TestApp(true);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void document_saysWhatTheGoldenCopySays() throws Exception {
    HttpResponse<byte[]> response = app.get("/openapi.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode actual = withoutVersion(app.body(response));
    Path golden = Path.of("src/test/resources/golden/openapi.json");
    Path written = Path.of("target/openapi.actual.json");
    Files.createDirectories(written.getParent());
    Files.writeString(
        written, app.json.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");

    JsonNode expected = app.json.readTree(Files.readString(golden));

    assertThat(actual).as("compare %s with %s", written, golden).isEqualTo(expected);
  }

  private static JsonNode withoutVersion(JsonNode document) {
    JsonNode copy = document.deepCopy();
    ((ObjectNode) copy.path("info")).remove("version");
    return copy;
  }
}
