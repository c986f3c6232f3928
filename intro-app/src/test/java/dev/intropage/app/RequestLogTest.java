package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.intropage.app.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** One access line per request, carrying the request id the response returns. */
class RequestLogTest {
  private final Logger access = (Logger) LoggerFactory.getLogger("dev.intropage.access");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void captureTheAccessLog() {
    lines.start();
    access.addAppender(lines);
  }

  @AfterEach
  void releaseTheAccessLog() {
    access.detachAppender(lines);
  }

  private static Server start(Path dir) {
    return Server.start(
        AppConfig.from(
            Map.of("INTRO_HTTP_PORT", "0", "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("l.db"))),
        Clock.systemUTC(),
        new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
  }

  @Test
  void accessLine_hasTheRequestIdMethodPathAndStatus(@TempDir Path dir) throws Exception {
    try (Server server = start(dir);
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(server.uri().resolve("health/live"))
                  .header("X-Request-Id", "trace-42")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("X-Request-Id")).contains("trace-42");
    }
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).startsWith("trace-42 - GET /health/live 200 "));
  }

  @Test
  void inventedMethodsAndEncodedLineSeparators_neitherGrowTheMetricsNorSplitTheLog(
      @TempDir Path dir) throws Exception {
    String exposition;
    try (Server server = start(dir);
        HttpClient http = HttpClient.newHttpClient()) {
      for (int i = 0; i < 20; i++) {
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("health/live"))
                .method("INVENTED" + i, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
      http.send(
          HttpRequest.newBuilder(server.uri().resolve("health/live%E2%80%A8forged%20line")).build(),
          HttpResponse.BodyHandlers.discarding());
      exposition =
          http.send(
                  HttpRequest.newBuilder(server.uri().resolve("metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    }

    assertThat(exposition).doesNotContain("INVENTED").contains("method=\"OTHER\"");
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).contains("/health/live%E2%80%A8forged%20line 404"))
        .allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r", "\u2028"));
  }

  @Test
  void millis_writesWhatPercentPoint2fWrites() {
    long[] samples = {
      0,
      1,
      4_999,
      5_000,
      9_999,
      10_000,
      94_999,
      95_000,
      995_000,
      999_999,
      1_000_000,
      1_004_999,
      1_005_000,
      12_345_678,
      99_995_000,
      1_234_567_890_123L
    };
    for (long nanos : samples) {
      assertThat(RequestLog.millis(nanos))
          .as("%d ns", nanos)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", nanos / 1_000_000.0));
    }
  }
}
