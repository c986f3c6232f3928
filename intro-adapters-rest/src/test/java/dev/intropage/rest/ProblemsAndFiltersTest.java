package dev.intropage.rest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Errors as RFC 9457 problems, the body limit and request ids. */
class ProblemsAndFiltersTest {
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
  void unexpectedFailure_is500WithIncidentIdAndNoInternals() throws Exception {
    HttpResponse<byte[]> response =
        app.send(
            "POST",
            TestApp.BASE + "/ada/actions/boom/complete",
            TestApp.ADA,
            "{\"version\":0}",
            "Idempotency-Key",
            "k");

    JsonNode problem = app.problem(response, 500);
    String body = PageEndpointTest.text(response.body());
    assertThat(problem.path("incidentId").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(body)
        .doesNotContain("jdbc", "secret", "IllegalStateException", "at dev.", "Exception");
  }

  @Test
  void unknownPath_is404Problem() throws Exception {
    app.problem(app.get("/nowhere", null), 404);
    app.problem(app.get(TestApp.BASE + "/ada/nothing-here", TestApp.ADA), 404);
  }

  @Test
  void hostsOpenPaths_needNoToken_andAreAbsentWhereTheHostServesNothing() throws Exception {
    for (String path : List.of("/api/v1/session", "/api/v1/dev/users", "/api/v1/dev/token")) {
      app.problem(app.get(path, null), 404);
    }
    app.problem(app.get("/api/v1/dev/other", null), 401);
    app.problem(app.get("/api/v1/session/more", null), 401);
  }

  @Test
  void forbiddenFromJaxRs_isTheAdaptersOwnForbiddenProblem() {
    Response response = new ProblemMapper().toResponse(new ForbiddenException());

    assertThat(response.getStatus()).isEqualTo(403);
    Problem problem = (Problem) response.getEntity();
    assertThat(problem.type()).isEqualTo(Problem.TYPE_BASE + "forbidden");
    assertThat(problem.title()).isEqualTo("Forbidden");
    assertThat(problem.detail()).isEqualTo(Problems.forbidden().detail());
  }

  @Test
  void wrongMethod_is405ProblemWithAllow() throws Exception {
    HttpResponse<byte[]> response = app.send("DELETE", TestApp.BASE + "/ada", TestApp.ADA, null);

    app.problem(response, 405);
    assertThat(response.headers().firstValue("Allow").orElse("")).contains("GET");
  }

  @Test
  void unacceptableMediaType_is406Problem() throws Exception {
    app.problem(app.get(TestApp.BASE + "/ada", TestApp.ADA, "Accept", "text/html"), 406);
  }

  @Test
  void unsupportedContentType_is415Problem() throws Exception {
    HttpResponse<byte[]> response =
        app.send(
            "POST",
            TestApp.BASE + "/cache/invalidate",
            TestApp.ADMIN,
            null,
            "Content-Type",
            "text/plain");

    app.problem(response, 415);
  }

  @Test
  void bodyOverLimit_is413_evenWithoutContentLength() throws Exception {
    byte[] big = ("{\"theme\":\"" + "x".repeat(BodyLimitFilter.LIMIT) + "\"}").getBytes(US_ASCII);
    HttpRequest request =
        HttpRequest.newBuilder(app.base.resolve(TestApp.BASE + "/ada/preferences"))
            .header("Authorization", "Bearer " + TestApp.ADA)
            .header("Content-Type", "application/json")
            .header("If-Match", "\"1\"")
            .header("Idempotency-Key", "k")
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();

    HttpResponse<byte[]> response;
    try (HttpClient client = HttpClient.newHttpClient()) {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    app.problem(response, 413);
    assertThat(app.writes).isEmpty();
  }

  @Test
  void contentLengthOverLimit_is413BeforeTheBodyIsRead() throws Exception {
    try (Socket socket =
        new Socket(java.net.InetAddress.getLoopbackAddress(), app.base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT "
                  + TestApp.BASE
                  + "/ada/preferences HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\n"
                  + "Authorization: Bearer "
                  + TestApp.ADA
                  + "\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: 1000000\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), US_ASCII);
      assertThat(head).isEqualTo("HTTP/1.1 413");
    }
  }

  @Test
  void saneRequestId_isEchoed() throws Exception {
    HttpResponse<byte[]> response =
        app.get(TestApp.BASE + "/ada", TestApp.ADA, "X-Request-Id", "abc.DEF_123-x");

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc.DEF_123-x");
  }

  @Test
  void insaneOrMissingRequestId_isReplacedByAGeneratedOne() throws Exception {
    String tooLong = "a".repeat(65);
    HttpResponse<byte[]> bad =
        app.get(TestApp.BASE + "/ada", TestApp.ADA, "X-Request-Id", "a;b<script>");
    HttpResponse<byte[]> longer =
        app.get(TestApp.BASE + "/ada", TestApp.ADA, "X-Request-Id", tooLong);
    HttpResponse<byte[]> missing = app.get(TestApp.BASE + "/ada", TestApp.ADA);

    for (HttpResponse<byte[]> response : List.of(bad, longer, missing)) {
      assertThat(response.headers().firstValue("X-Request-Id").orElseThrow())
          .matches("[0-9a-f-]{36}");
    }
  }

  @Test
  void requestId_isOnErrorResponsesToo() throws Exception {
    assertThat(
            app.get(TestApp.BASE + "/ada", null, "X-Request-Id", "r-401")
                .headers()
                .firstValue("X-Request-Id"))
        .hasValue("r-401");
    assertThat(
            app.get("/nowhere", null, "X-Request-Id", "r-404").headers().firstValue("X-Request-Id"))
        .hasValue("r-404");
  }
}
