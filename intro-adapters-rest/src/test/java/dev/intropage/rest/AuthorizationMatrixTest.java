package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller: no token, a forged token, another user, the page's
 * owner and an operator, each with the status it must get. Requests are otherwise valid, so the
 * status says what authorization decided.
 */
class AuthorizationMatrixTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = new TestApp(true);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** An endpoint, a valid request to it for ada's page, and the expected statuses. */
  record Endpoint(
      String method,
      String path,
      @Nullable String body,
      List<String> headers,
      int none,
      int invalid,
      int other,
      int owner,
      int admin) {}

  static final String KEY = "Idempotency-Key";
  static final String BASE = TestApp.BASE;

  static List<Endpoint> endpoints() {
    List<String> none = List.of();
    return List.of(
        new Endpoint("GET", BASE + "/ada", null, none, 401, 401, 403, 200, 200),
        new Endpoint("GET", BASE + "/ada?sections=actions", null, none, 401, 401, 403, 200, 200),
        new Endpoint("GET", BASE + "/ada/health", null, none, 401, 401, 403, 200, 200),
        new Endpoint("GET", BASE + "/ada/activity?limit=5", null, none, 401, 401, 403, 200, 200),
        new Endpoint("GET", BASE + "/metrics", null, none, 401, 401, 403, 403, 200),
        new Endpoint("POST", BASE + "/cache/invalidate", "{}", none, 401, 401, 403, 403, 202),
        new Endpoint(
            "PUT",
            BASE + "/ada/preferences",
            "{\"theme\":\"DARK\"}",
            List.of("If-Match", "\"1\"", KEY, "k-1"),
            401,
            401,
            403,
            200,
            403),
        new Endpoint(
            "POST",
            BASE + "/ada/actions/a-1/complete",
            "{\"version\":0}",
            List.of(KEY, "k-2"),
            401,
            401,
            403,
            200,
            403),
        new Endpoint(
            "POST",
            BASE + "/ada/actions/a-1/dismiss",
            "{\"version\":0}",
            List.of(KEY, "k-3"),
            401,
            401,
            403,
            200,
            403),
        new Endpoint(
            "POST",
            BASE + "/ada/actions/a-1/snooze",
            "{\"version\":0,\"until\":\"2025-03-15T09:00:00Z\"}",
            List.of(KEY, "k-4"),
            401,
            401,
            403,
            200,
            403),
        new Endpoint("GET", "/health/live", null, none, 200, 200, 200, 200, 200),
        new Endpoint("GET", "/health/ready", null, none, 200, 200, 200, 200, 200));
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      String name = e.method() + " " + e.path();
      cases.add(Arguments.of(name, "no token", null, e, e.none()));
      cases.add(Arguments.of(name, "invalid token", TestApp.INVALID, e, e.invalid()));
      cases.add(Arguments.of(name, "other user", TestApp.GRACE, e, e.other()));
      cases.add(Arguments.of(name, "owner", TestApp.ADA, e, e.owner()));
      cases.add(Arguments.of(name, "admin", TestApp.ADMIN, e, e.admin()));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} -> {4}")
  @MethodSource("cases")
  void endpoint_caller_getsExpectedStatus(
      String name, String who, @Nullable String token, Endpoint endpoint, int expected)
      throws Exception {
    HttpResponse<byte[]> response =
        app.send(
            endpoint.method(),
            endpoint.path(),
            token,
            endpoint.body(),
            endpoint.headers().toArray(String[]::new));

    assertThat(response.statusCode())
        .as("%s as %s: %s", name, who, PageEndpointTest.text(response.body()))
        .isEqualTo(expected);
    if (expected == 401) {
      app.problem(response, 401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValue(token == null ? "Bearer" : "Bearer error=\"invalid_token\"");
    }
    if (expected == 403) {
      assertThat(app.problem(response, 403).path("type").asText())
          .isEqualTo("https://intropage.dev/problems/forbidden");
    }
  }
}
