package dev.intropage.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.app.IntroPageApp;
import dev.intropage.app.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline endpoint runs inside the real service, behind its server-wide filters and without
 * authentication, and exists only where BaselineService adds it.
 */
class BaselineServiceTest {
  private static final String SECRET = "baseline-test-secret-of-32-bytes-or-more";

  /** A body with multi-byte characters, so that a re-encoding would change its bytes. */
  private static final byte[] BODY =
      "{\"greeting\":\"Grüß dich, Ada\",\"n\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);

  private final HttpClient http = HttpClient.newHttpClient();

  private static Map<String, String> env(Path dir) {
    return Map.of(
        "INTRO_HTTP_HOST", "127.0.0.1",
        "INTRO_HTTP_PORT", "0",
        "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("intro.db"),
        "INTRO_AUTH_MODE", "jwt",
        "INTRO_AUTH_JWT_SECRET", SECRET,
        "INTRO_DEMO_DATA", "false");
  }

  private static Server start(Path dir, List<Object> extras) {
    return IntroPageApp.start(env(dir), extras);
  }

  private HttpResponse<byte[]> get(URI uri, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri.resolve(path)).header("X-Request-Id", "bench-42").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void bareEndpoint_returnsTheFilesBytes_throughTheServerFilters_withoutToken(@TempDir Path dir)
      throws Exception {
    Path file = Files.write(dir.resolve("page.json"), BODY);
    try (Server server = start(dir, List.of(new BaselineService.BareResource(file)))) {
      HttpResponse<byte[]> bare = get(server.uri(), "bench/bare/x");

      assertThat(bare.statusCode()).isEqualTo(200);
      assertThat(bare.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(bare.body()).isEqualTo(BODY);
      assertThat(bare.headers().firstValue("X-Request-Id")).hasValue("bench-42");
      String metrics = new String(get(server.uri(), "metrics").body(), StandardCharsets.UTF_8);
      assertThat(metrics)
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",status=\"200\","
                  + "uri=\"/bench/bare/{userId}\"}");
    }
  }

  @Test
  void pageEndpoint_stillNeedsAToken(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("page.json"), BODY);
    try (Server server = start(dir, List.of(new BaselineService.BareResource(file)))) {
      assertThat(get(server.uri(), "api/v1/intro-page/x").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void bareEndpoint_readsTheFileAtTheFirstRequestThatFindsIt_andKeepsThatBody(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("later.json");
    try (Server server = start(dir, List.of(new BaselineService.BareResource(file)))) {
      HttpResponse<byte[]> missing = get(server.uri(), "bench/bare/x");
      assertThat(missing.statusCode()).isEqualTo(503);
      assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains(file.toString());

      Files.write(file, BODY);
      assertThat(get(server.uri(), "bench/bare/x").body()).isEqualTo(BODY);

      Files.writeString(file, "{\"changed\":true}");
      assertThat(get(server.uri(), "bench/bare/y").body()).isEqualTo(BODY);
    }
  }

  @Test
  void plainService_hasNoBareEndpoint(@TempDir Path dir) throws Exception {
    try (Server server = start(dir, List.of())) {
      // An unknown path outside the API gets the web page, which the page's own router answers.
      HttpResponse<byte[]> answer = get(server.uri(), "bench/bare/x");
      assertThat(answer.body()).isNotEqualTo(BODY);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }
  }

  /**
   * The main as run.sh starts it: configured from the environment like {@code serve}, serving the
   * bare body, and stopping through the service's own shutdown on SIGTERM.
   */
  @Test
  void main_servesFromTheEnvironment_andStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("page.json"), BODY);
    Path log = dir.resolve("service.log");
    Process service = baselineProcess(dir, "-D" + BaselineService.BODY_PROPERTY + "=" + file, log);
    try {
      URI uri = awaitListening(service, log);
      assertThat(get(uri, "bench/bare/ada").body()).isEqualTo(BODY);
      assertThat(get(uri, "api/v1/intro-page/ada").statusCode()).isEqualTo(401);

      service.destroy();
      assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      assertThat(Files.readString(log)).contains(" - stopped");
    } finally {
      service.destroyForcibly();
    }
  }

  @Test
  void main_withoutTheBodyProperty_exitsWithUsageStatus(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("service.log");
    Process service = baselineProcess(dir, "-Dunrelated=1", log);
    try {
      assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(service.exitValue()).isEqualTo(2);
      assertThat(Files.readString(log)).contains("-D" + BaselineService.BODY_PROPERTY + "=");
    } finally {
      service.destroyForcibly();
    }
  }

  private static Process baselineProcess(Path dir, String property, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            property,
            "-cp",
            System.getProperty("java.class.path"),
            BaselineService.class.getName());
    builder.environment().putAll(env(dir));
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static URI awaitListening(Process service, Path log) throws Exception {
    Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = listening.matcher(Files.readString(log));
      if (matcher.find()) {
        return URI.create(matcher.group(1));
      }
      assertThat(service.isAlive()).as("service running; log: %s", Files.readString(log)).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("not listening after 60 s: " + Files.readString(log));
  }
}
