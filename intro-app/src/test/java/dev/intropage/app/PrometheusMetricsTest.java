package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.app.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's Prometheus exposition passes {@code promtool check metrics}, run for real. */
class PrometheusMetricsTest {
  @Test
  void metrics_passPromtoolCheck(@TempDir Path dir) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (Server server =
        Server.start(
            AppConfig.from(
                Map.of(
                    "INTRO_HTTP_PORT", "0", "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("m.db"))),
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8))) {
      URI uri = server.uri();
      String minted =
          http.send(
                  HttpRequest.newBuilder(uri.resolve("api/v1/dev/token"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"ada\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(minted);
      assertThat(token.find()).isTrue();
      for (int i = 0; i < 2; i++) {
        http.send(
            HttpRequest.newBuilder(uri.resolve("api/v1/intro-page/ada"))
                .header("Authorization", "Bearer " + token.group(1))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
      String exposition =
          http.send(
                  HttpRequest.newBuilder(uri.resolve("metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(exposition)
          .contains("intro_section_duration_seconds_bucket{", "intro_cache_requests_total{");

      Process promtool =
          new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
      promtool.getOutputStream().write(exposition.getBytes(UTF_8));
      promtool.getOutputStream().close();
      String verdict = new String(promtool.getInputStream().readAllBytes(), UTF_8);
      assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(promtool.exitValue()).as(verdict).isZero();
      assertThat(verdict).isBlank();
    }
  }
}
