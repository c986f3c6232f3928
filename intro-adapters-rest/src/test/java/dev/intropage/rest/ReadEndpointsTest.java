package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health, activity, metrics, cache invalidation and the probes. */
class ReadEndpointsTest {
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
  void reset() {
    app.reset();
  }

  @Test
  void health_listsEverySectionWithBreakerAndCriticality() throws Exception {
    app.get(TestApp.BASE + "/ada", TestApp.ADA);

    JsonNode health = app.body(app.get(TestApp.BASE + "/ada/health", TestApp.ADA));

    assertThat(health.path("userId").asText()).isEqualTo("ada");
    assertThat(health.path("checkedAt").asText()).isEqualTo("2025-03-14T09:30:00Z");
    assertThat(health.path("sections").findValuesAsText("section"))
        .containsExactly("personalization", "statistics", "actions", "activity", "system", "quote");
    JsonNode quote = health.path("sections").get(5);
    assertThat(quote.path("criticality").asText()).isEqualTo("REQUIRED");
    assertThat(quote.path("breaker").asText()).isEqualTo("CLOSED");
    assertThat(quote.path("lastSuccess").asText()).isEqualTo("2025-03-14T09:30:00Z");
    assertThat(quote.path("lastFailure").isNull()).isTrue();
  }

  @Test
  void activity_defaultLimitIs20_andTheCursorPagesOn() throws Exception {
    JsonNode first = app.body(app.get(TestApp.BASE + "/ada/activity", TestApp.ADA));
    String cursor = first.path("nextCursor").asText();
    JsonNode second =
        app.body(app.get(TestApp.BASE + "/ada/activity?limit=100&cursor=" + cursor, TestApp.ADA));

    assertThat(first.path("groups").findValues("eventIds")).hasSize(20);
    assertThat(second.path("groups").findValues("eventIds")).hasSize(10);
    assertThat(second.path("nextCursor").isNull()).isTrue();
  }

  @Test
  void activity_limitBounds() throws Exception {
    for (String limit : new String[] {"0", "101", "-1", "ten", "1.5"}) {
      JsonNode problem =
          app.problem(app.get(TestApp.BASE + "/ada/activity?limit=" + limit, TestApp.ADA), 400);
      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("limit");
    }
    for (String limit : new String[] {"1", "100"}) {
      assertThat(app.get(TestApp.BASE + "/ada/activity?limit=" + limit, TestApp.ADA).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void activity_badCursor_is400NamingCursor() throws Exception {
    JsonNode problem =
        app.problem(app.get(TestApp.BASE + "/ada/activity?cursor=forged", TestApp.ADA), 400);

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("cursor");
  }

  @Test
  void metrics_summarizesPagesSectionsAndBreakers() throws Exception {
    app.get(TestApp.BASE + "/ada", TestApp.ADA);
    app.get(TestApp.BASE + "/ada", TestApp.ADA);

    JsonNode metrics = app.body(app.get(TestApp.BASE + "/metrics", TestApp.ADMIN));

    JsonNode engine = metrics.path("engine");
    assertThat(engine.path("window").asInt()).isEqualTo(EngineStats.WINDOW);
    assertThat(engine.path("page").path("count").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(engine.path("page").path("p99Millis").asDouble())
        .isGreaterThanOrEqualTo(engine.path("page").path("p50Millis").asDouble());
    JsonNode actions = engine.path("sections").path("actions");
    assertThat(actions.path("statuses").path("CACHED").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(actions.path("statuses").path("FRESH").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(actions.path("cacheHitRatio").asDouble()).isBetween(0.0, 1.0).isPositive();
    assertThat(metrics.path("breakers").path("quote").asText()).isEqualTo("CLOSED");
  }

  @Test
  void invalidate_userSection_dropsOnlyThatEntry() throws Exception {
    app.get(TestApp.BASE + "/ada", TestApp.ADA);

    HttpResponse<byte[]> response =
        app.send(
            "POST",
            TestApp.BASE + "/cache/invalidate",
            TestApp.ADMIN,
            "{\"userId\":\"ada\",\"section\":\"actions\"}");
    JsonNode page = app.body(app.get(TestApp.BASE + "/ada", TestApp.ADA));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(app.body(response).path("section").asText()).isEqualTo("actions");
    assertThat(page.path("sections").get(2).path("key").asText()).isEqualTo("actions");
    assertThat(page.path("sections").get(2).path("status").asText()).isEqualTo("FRESH");
    assertThat(page.path("sections").get(1).path("status").asText()).isEqualTo("CACHED");
  }

  @Test
  void invalidate_emptyBody_dropsEverything() throws Exception {
    app.get(TestApp.BASE + "/ada", TestApp.ADA);

    HttpResponse<byte[]> response =
        app.send(
            "POST",
            TestApp.BASE + "/cache/invalidate",
            TestApp.ADMIN,
            null,
            "Content-Type",
            "application/json");
    JsonNode page = app.body(app.get(TestApp.BASE + "/ada", TestApp.ADA));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(page.path("sections").findValuesAsText("status")).containsOnly("FRESH");
  }

  @Test
  void invalidate_unknownSectionOrBadUser_is400() throws Exception {
    JsonNode section =
        app.problem(
            app.send(
                "POST", TestApp.BASE + "/cache/invalidate", TestApp.ADMIN, "{\"section\":\"x\"}"),
            400);
    JsonNode user =
        app.problem(
            app.send(
                "POST", TestApp.BASE + "/cache/invalidate", TestApp.ADMIN, "{\"userId\":\"a b\"}"),
            400);

    assertThat(section.path("errors").get(0).path("field").asText()).isEqualTo("section");
    assertThat(user.path("errors").get(0).path("field").asText()).isEqualTo("userId");
  }

  @Test
  void probes_liveAndReady() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (TestApp probed = new TestApp(false, ready::get)) {
      HttpResponse<byte[]> live = probed.get("/health/live", null);
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(probed.body(live).path("status").asText()).isEqualTo("UP");

      HttpResponse<byte[]> notReady = probed.get("/health/ready", null);
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(probed.body(notReady).path("status").asText()).isEqualTo("DOWN");

      ready.set(true);
      assertThat(probed.get("/health/ready", null).statusCode()).isEqualTo(200);
    }
  }
}
