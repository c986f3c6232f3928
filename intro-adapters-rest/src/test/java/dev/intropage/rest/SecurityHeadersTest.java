package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer a browser may render says how: no content sniffing, no framing by other sites; and
 * an authenticated answer that sets no caching of its own is never stored.
 */
class SecurityHeadersTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = new TestApp(true);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static void hardened(HttpResponse<byte[]> response) {
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
  }

  @Test
  void everyAnswer_refusesSniffingAndFraming() throws Exception {
    hardened(app.get(TestApp.BASE + "/ada", TestApp.ADA));
    hardened(app.get(TestApp.BASE + "/ada", null));
    hardened(app.get(TestApp.BASE + "/grace", TestApp.ADA));
    hardened(app.get("/health/live", null));
  }

  @Test
  void authenticatedAnswers_keepTheirOwnCachingOrAreNeverStored() throws Exception {
    assertThat(app.get(TestApp.BASE + "/ada", TestApp.ADA).headers().firstValue("Cache-Control"))
        .contains("private, no-cache");
    assertThat(
            app.get(TestApp.BASE + "/ada/health", TestApp.ADA)
                .headers()
                .firstValue("Cache-Control"))
        .contains("no-store");
    assertThat(
            app.get(TestApp.BASE + "/ada/activity", TestApp.ADA)
                .headers()
                .firstValue("Cache-Control"))
        .contains("no-store");
  }
}
