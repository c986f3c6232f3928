package dev.intropage.app.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.app.IntroPageApp;
import dev.intropage.app.Server;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service started through its public API with an extra resource, on a free port, over real
 * HTTP. The test sits outside {@code dev.intropage.app} so that it compiles only against what is
 * public.
 */
class ExtraComponentsTest {
  private static final String SECRET = "extra-components-secret-of-32-bytes!!";

  private final HttpClient http = HttpClient.newHttpClient();

  /** An extra resource as an embedder would write it. */
  @Path("extra")
  public static final class EchoResource {
    @GET
    @Path("{word}")
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(@PathParam("word") String word) {
      return "echo " + word;
    }
  }

  private static Map<String, String> env(java.nio.file.Path dir) {
    return Map.of(
        "INTRO_HTTP_HOST", "127.0.0.1",
        "INTRO_HTTP_PORT", "0",
        "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("intro.db"),
        "INTRO_AUTH_MODE", "jwt",
        "INTRO_AUTH_JWT_SECRET", SECRET,
        "INTRO_DEMO_DATA", "false");
  }

  private HttpResponse<String> get(URI uri, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri.resolve(path)).header("X-Request-Id", "extra-7").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void start_withAnExtraResource_servesItBehindTheServiceFilters_besideTheService(
      @TempDir java.nio.file.Path dir) throws Exception {
    try (Server server = IntroPageApp.start(env(dir), List.of(new EchoResource()))) {
      assertThat(server.uri().getPort()).isPositive();

      HttpResponse<String> extra = get(server.uri(), "extra/hello");
      assertThat(extra.statusCode()).isEqualTo(200);
      assertThat(extra.body()).isEqualTo("echo hello");
      assertThat(extra.headers().firstValue("X-Request-Id")).hasValue("extra-7");

      assertThat(get(server.uri(), "health/ready").statusCode()).isEqualTo(200);
      assertThat(get(server.uri(), "api/v1/intro-page/ada").statusCode()).isEqualTo(401);
      assertThat(get(server.uri(), "metrics").body())
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/extra/{word}\"}");
    }
  }

  @Test
  void start_withoutExtras_hasNoSuchResource(@TempDir java.nio.file.Path dir) throws Exception {
    try (Server server = IntroPageApp.start(env(dir), List.of())) {
      // Without the resource the path is the web page's own: its page, or 404 where the build
      // packages no page.
      HttpResponse<String> response = get(server.uri(), "extra/hello");
      assertThat(response.body()).doesNotContain("echo");
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .doesNotStartWith("text/plain");
      assertThat(response.statusCode()).isIn(200, 404);
    }
  }

  @Test
  void close_stopsListening(@TempDir java.nio.file.Path dir) throws Exception {
    URI uri;
    try (Server server = IntroPageApp.start(env(dir), List.of(new EchoResource()))) {
      uri = server.uri();
    }
    assertThatThrownBy(() -> get(uri, "extra/hello")).isInstanceOf(ConnectException.class);
  }
}
