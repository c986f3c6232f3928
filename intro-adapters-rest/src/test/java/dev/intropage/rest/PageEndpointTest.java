package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intropage.core.InvalidationBus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET of the page over real HTTP: the JSON contract, validators, compression and timing. */
class PageEndpointTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = new TestApp(true);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void freshCache() {
    app.reset();
  }

  @Test
  void page_ada_matchesGoldenFileIgnoringElapsedTimes() throws Exception {
    HttpResponse<byte[]> response = app.get(TestApp.BASE + "/ada", TestApp.ADA);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode actual = withoutElapsed(app.body(response));
    Path golden = Path.of("src/test/resources/golden/ada-page.json");
    Path written = Path.of("target/ada-page.actual.json");
    Files.createDirectories(written.getParent());
    Files.writeString(
        written, app.json.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
    JsonNode expected = withoutElapsed(app.json.readTree(Files.readString(golden)));
    assertThat(actual).as("compare %s with %s", written, golden).isEqualTo(expected);
  }

  @Test
  void page_sectionsCarryTheWholeStory() throws Exception {
    JsonNode page = app.body(app.get(TestApp.BASE + "/ada", TestApp.ADA));

    for (JsonNode section : page.path("sections")) {
      assertThat(fieldNames(section))
          .containsExactly(
              "key", "status", "data", "source", "ageMillis", "elapsedMillis", "error");
    }
    assertThat(page.path("userId").asText()).isEqualTo("ada");
  }

  @Test
  void page_secondRequest_isServedFromTheCache() throws Exception {
    app.get(TestApp.BASE + "/ada", TestApp.ADA);

    JsonNode page = app.body(app.get(TestApp.BASE + "/ada", TestApp.ADA));

    assertThat(status(page, "actions")).isEqualTo("CACHED");
    assertThat(status(page, "quote")).isEqualTo("FRESH");
  }

  @Test
  void page_manyCallersAtOnce_eachPageIsTheCallersOwnOrRefused() throws Exception {
    callersAtOnce(app);
  }

  @Test
  void page_manyCallersAtOnceOnJettysPlatformThreads_eachPageIsTheCallersOwnOrRefused()
      throws Exception {
    try (TestApp jetty = TestApp.onJetty(InvalidationBus.inProcess(), rest -> {})) {
      callersAtOnce(jetty);
    }
  }

  /**
   * Many callers at once, each asking for a page as themselves, another's or with a forged token;
   * other endpoints under api/ are called in between. Every answer is the caller's own or refused.
   */
  private static void callersAtOnce(TestApp app) throws Exception {
    record Call(String path, String token, int status, String user) {}
    List<Call> calls =
        List.of(
            new Call(TestApp.BASE + "/ada", TestApp.ADA, 200, "ada"),
            new Call(TestApp.BASE + "/grace", TestApp.GRACE, 200, "grace"),
            new Call(TestApp.BASE + "/ada", TestApp.GRACE, 403, ""),
            new Call(TestApp.BASE + "/grace/health", TestApp.GRACE, 200, "grace"),
            new Call(TestApp.BASE + "/grace", TestApp.ADMIN, 200, "grace"),
            new Call(TestApp.BASE + "/grace", TestApp.INVALID, 401, ""));
    try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 240; i++) {
        Call call = calls.get(i % calls.size());
        answers.add(
            callers.submit(
                () -> {
                  HttpResponse<byte[]> response = app.get(call.path(), call.token());
                  String user =
                      response.statusCode() == 200
                          ? app.body(response).path("userId").asText()
                          : "";
                  return call + " -> " + response.statusCode() + " " + user;
                }));
      }
      for (int i = 0; i < answers.size(); i++) {
        Call call = calls.get(i % calls.size());
        assertThat(answers.get(i).get())
            .isEqualTo(call + " -> " + call.status() + " " + call.user());
      }
    }
  }

  @Test
  void page_ifNoneMatchWithTheTag_answers304WithoutBody() throws Exception {
    HttpResponse<byte[]> first = app.get(TestApp.BASE + "/ada", TestApp.ADA);
    String tag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> second = app.get(TestApp.BASE + "/ada", TestApp.ADA, "If-None-Match", tag);

    assertThat(tag).matches("W/\"[A-Za-z0-9_-]{24}\"");
    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
    assertThat(second.headers().firstValue("ETag")).hasValue(tag);
  }

  @Test
  void page_ifNoneMatchWithAnotherTag_answers200() throws Exception {
    HttpResponse<byte[]> response =
        app.get(TestApp.BASE + "/ada", TestApp.ADA, "If-None-Match", "W/\"other\"");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isNotEmpty();
  }

  @Test
  void page_tagDependsOnContent() throws Exception {
    String whole = app.get(TestApp.BASE + "/ada", TestApp.ADA).headers().firstValue("ETag").get();
    String some =
        app.get(TestApp.BASE + "/ada?sections=actions", TestApp.ADA)
            .headers()
            .firstValue("ETag")
            .get();
    String grace =
        app.get(TestApp.BASE + "/grace", TestApp.GRACE).headers().firstValue("ETag").get();

    assertThat(List.of(whole, some, grace)).doesNotHaveDuplicates();
  }

  @Test
  void page_cachingHeaders() throws Exception {
    HttpResponse<byte[]> response = app.get(TestApp.BASE + "/ada", TestApp.ADA);

    assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    assertThat(varies(response)).contains("Authorization", "Accept-Encoding");
  }

  @Test
  void page_acceptEncodingGzip_isCompressed() throws Exception {
    HttpResponse<byte[]> plain = app.get(TestApp.BASE + "/ada", TestApp.ADA);
    HttpResponse<byte[]> zipped =
        app.get(TestApp.BASE + "/ada", TestApp.ADA, "Accept-Encoding", "gzip");

    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    byte[] unzipped;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      unzipped = in.readAllBytes();
    }
    assertThat(zipped.body().length).isLessThan(unzipped.length);
    assertThat(app.json.readTree(unzipped).path("sections").findValues("data"))
        .isEqualTo(app.body(plain).path("sections").findValues("data"));
    assertThat(varies(zipped)).contains("Accept-Encoding");
  }

  @Test
  void page_serverTiming_namesEverySectionWithStatusAndTheTotal() throws Exception {
    app.get(TestApp.BASE + "/ada", TestApp.ADA);
    HttpResponse<byte[]> response = app.get(TestApp.BASE + "/ada", TestApp.ADA);

    String timing = response.headers().firstValue("Server-Timing").orElseThrow();
    List<String> entries = Arrays.asList(timing.split(", ", -1));
    assertThat(entries)
        .hasSize(7)
        .allMatch(e -> e.matches("[a-z][a-z0-9-]*;dur=\\d+\\.\\d(;desc=\"[A-Z_]+\")?"));
    assertThat(entries.get(entries.size() - 1)).startsWith("total;dur=");
    assertThat(timing).contains("actions;dur=").contains("desc=\"CACHED\"");
    assertThat(timing).contains("quote;dur=").contains("desc=\"FRESH\"");
  }

  @Test
  void page_sectionsFilter_returnsOnlyThoseSections() throws Exception {
    JsonNode page = app.body(app.get(TestApp.BASE + "/ada?sections=actions,quote", TestApp.ADA));

    List<String> keys = new ArrayList<>();
    page.path("sections").forEach(s -> keys.add(s.path("key").asText()));
    assertThat(keys).containsExactlyInAnyOrder("actions", "quote");
  }

  @Test
  void page_sectionsFilterWithUnknownSection_is400NamingSections() throws Exception {
    JsonNode problem =
        app.problem(app.get(TestApp.BASE + "/ada?sections=weather", TestApp.ADA), 400);

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("sections");
    assertThat(problem.path("type").asText())
        .isEqualTo("https://intropage.dev/problems/validation");
  }

  @Test
  void page_unknownUser_is404Problem() throws Exception {
    JsonNode problem = app.problem(app.get(TestApp.BASE + "/nobody", TestApp.ADMIN), 404);

    assertThat(problem.path("type").asText())
        .isEqualTo("https://intropage.dev/problems/unknown-user");
  }

  @Test
  void page_requiredSectionFails_is503ProblemNamingSectionAndStatus() throws Exception {
    JsonNode problem = app.problem(app.get(TestApp.BASE + "/stormy", TestApp.STORMY), 503);

    assertThat(problem.path("section").asText()).isEqualTo("quote");
    assertThat(problem.path("sectionStatus").asText()).isEqualTo("FAILED");
    assertThat(problem.toString()).doesNotContain("quote service down");
  }

  @Test
  void page_invalidOrReservedUserId_is400NamingUserId() throws Exception {
    for (String id : List.of("cache", "bad%20id", "x".repeat(129))) {
      JsonNode problem = app.problem(app.get(TestApp.BASE + "/" + id, TestApp.ADMIN), 400);
      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("userId");
    }
  }

  private static String status(JsonNode page, String key) {
    for (JsonNode section : page.path("sections")) {
      if (section.path("key").asText().equals(key)) {
        return section.path("status").asText();
      }
    }
    throw new AssertionError("no section " + key);
  }

  private static List<String> varies(HttpResponse<byte[]> response) {
    List<String> values = new ArrayList<>();
    for (String header : response.headers().allValues("Vary")) {
      for (String value : header.split(",", -1)) {
        values.add(value.strip());
      }
    }
    return values;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static JsonNode withoutElapsed(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("elapsedMillis");
    }
    node.forEach(PageEndpointTest::strip);
  }

  static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
