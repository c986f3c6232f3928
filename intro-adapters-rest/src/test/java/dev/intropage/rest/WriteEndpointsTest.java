package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import dev.intropage.core.personalization.PreferenceWriter.FieldError;
import dev.intropage.core.personalization.PreferenceWriter.PreferencesOutcome;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Preference updates and item actions: required headers, bodies, and every writer outcome. */
class WriteEndpointsTest {
  private static TestApp app;
  private static final String PREFS = TestApp.BASE + "/ada/preferences";
  private static final String COMPLETE = TestApp.BASE + "/ada/actions/a-1/complete";
  private static final String SNOOZE = TestApp.BASE + "/ada/actions/a-1/snooze";

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
    app.nextPreferences.set(PreferencesOutcome.applied(TestApp.preferences(2)));
    app.nextAction.set(ActionOutcome.applied(TestApp.item("a-1", 1)));
  }

  private static HttpResponse<byte[]> putPrefs(String body, String... headers) throws Exception {
    return app.send("PUT", PREFS, TestApp.ADA, body, headers);
  }

  /** Fetches ada's page once and returns each section's status by key. */
  private static Map<String, String> statuses() throws Exception {
    JsonNode page = app.body(app.get(TestApp.BASE + "/ada", TestApp.ADA));
    Map<String, String> statuses = new HashMap<>();
    for (JsonNode section : page.path("sections")) {
      statuses.put(section.path("key").asText(), section.path("status").asText());
    }
    return statuses;
  }

  @Nested
  class Preferences {
    @Test
    void applied_is200WithNewVersionAsETag_andDropsCachedPersonalization() throws Exception {
      app.get(TestApp.BASE + "/ada", TestApp.ADA);

      HttpResponse<byte[]> response =
          putPrefs(
              "{\"theme\":\"DARK\",\"sectionOrder\":[\"actions\"],\"zone\":\"Europe/Paris\"}",
              "If-Match",
              "\"1\"",
              "Idempotency-Key",
              "k-1");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
      JsonNode body = app.body(response);
      assertThat(body.path("version").asLong()).isEqualTo(2);
      assertThat(body.path("theme").asText()).isEqualTo("DARK");
      assertThat(app.writes)
          .singleElement()
          .asString()
          .startsWith("preferences ada v1 k-1")
          .contains("theme=Optional[DARK]", "zone=Optional[Europe/Paris]");
      assertThat(statuses())
          .containsEntry("personalization", "FRESH")
          .containsEntry("actions", "CACHED");
    }

    @Test
    void invalid_is422WithFieldErrors() throws Exception {
      app.nextPreferences.set(
          PreferencesOutcome.invalid(
              List.of(
                  new FieldError("zone", "is not a time zone"),
                  new FieldError("hiddenSections", "personalization cannot be hidden"))));

      JsonNode problem =
          app.problem(
              putPrefs("{\"zone\":\"Mars/Base\"}", "If-Match", "\"1\"", "Idempotency-Key", "k"),
              422);

      assertThat(problem.path("errors").findValuesAsText("field"))
          .containsExactly("zone", "hiddenSections");
      assertThat(problem.path("errors").get(0).path("reason").asText())
          .isEqualTo("is not a time zone");
    }

    @Test
    void versionConflict_is412() throws Exception {
      app.nextPreferences.set(PreferencesOutcome.versionConflict());

      JsonNode problem =
          app.problem(putPrefs("{}", "If-Match", "\"0\"", "Idempotency-Key", "k"), 412);

      assertThat(problem.path("type").asText())
          .isEqualTo("https://intropage.dev/problems/precondition-failed");
    }

    @Test
    void keyReused_is422() throws Exception {
      app.nextPreferences.set(PreferencesOutcome.keyReused());

      JsonNode problem =
          app.problem(putPrefs("{}", "If-Match", "\"1\"", "Idempotency-Key", "k"), 422);

      assertThat(problem.path("type").asText())
          .isEqualTo("https://intropage.dev/problems/idempotency-key-reused");
    }

    @Test
    void missingIfMatch_is428AndNothingIsWritten() throws Exception {
      JsonNode problem = app.problem(putPrefs("{}", "Idempotency-Key", "k"), 428);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("If-Match");
      assertThat(app.writes).isEmpty();
    }

    @Test
    void malformedIfMatch_is400() throws Exception {
      JsonNode problem =
          app.problem(putPrefs("{}", "If-Match", "W/\"x\"", "Idempotency-Key", "k"), 400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("If-Match");
    }

    @Test
    void missingIdempotencyKey_is400NamingTheHeader() throws Exception {
      JsonNode problem = app.problem(putPrefs("{}", "If-Match", "\"1\""), 400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void unknownField_is400NamingIt() throws Exception {
      JsonNode problem =
          app.problem(
              putPrefs("{\"colour\":\"red\"}", "If-Match", "\"1\"", "Idempotency-Key", "k"), 400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("colour");
      assertThat(app.writes).isEmpty();
    }

    @Test
    void badEnumValue_is400NamingTheField() throws Exception {
      JsonNode problem =
          app.problem(
              putPrefs("{\"theme\":\"PINK\"}", "If-Match", "\"1\"", "Idempotency-Key", "k"), 400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("theme");
    }

    @Test
    void malformedJson_is400() throws Exception {
      JsonNode problem =
          app.problem(putPrefs("{\"theme\":", "If-Match", "\"1\"", "Idempotency-Key", "k"), 400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");
    }
  }

  @Nested
  class Actions {
    @Test
    void applied_is200WithTheItem_andDropsCachedActionsAndStatistics() throws Exception {
      app.get(TestApp.BASE + "/ada", TestApp.ADA);

      HttpResponse<byte[]> response =
          app.send("POST", COMPLETE, TestApp.ADA, "{\"version\":0}", "Idempotency-Key", "k-9");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(app.body(response).path("state").asText()).isEqualTo("COMPLETED");
      assertThat(app.body(response).path("version").asLong()).isEqualTo(1);
      assertThat(app.writes).containsExactly("action ada a-1 Complete[] v0");
      assertThat(statuses())
          .containsEntry("actions", "FRESH")
          .containsEntry("statistics", "FRESH")
          .containsEntry("activity", "CACHED");
    }

    @Test
    void snooze_passesUntil() throws Exception {
      HttpResponse<byte[]> response =
          app.send(
              "POST",
              SNOOZE,
              TestApp.ADA,
              "{\"version\":4,\"until\":\"2025-03-15T09:00:00Z\"}",
              "Idempotency-Key",
              "k");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(app.writes)
          .containsExactly("action ada a-1 Snooze[until=2025-03-15T09:00:00Z] v4");
    }

    @Test
    void snoozeWithoutUntil_is400NamingUntil() throws Exception {
      JsonNode problem =
          app.problem(
              app.send("POST", SNOOZE, TestApp.ADA, "{\"version\":4}", "Idempotency-Key", "k"),
              400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("until");
    }

    @Test
    void untilOnComplete_is400() throws Exception {
      JsonNode problem =
          app.problem(
              app.send(
                  "POST",
                  COMPLETE,
                  TestApp.ADA,
                  "{\"version\":4,\"until\":\"2025-03-15T09:00:00Z\"}",
                  "Idempotency-Key",
                  "k"),
              400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("until");
    }

    @Test
    void missingVersion_is400NamingVersion() throws Exception {
      JsonNode problem =
          app.problem(app.send("POST", COMPLETE, TestApp.ADA, "{}", "Idempotency-Key", "k"), 400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("version");
    }

    @Test
    void missingIdempotencyKey_is400NamingTheHeader() throws Exception {
      JsonNode problem =
          app.problem(app.send("POST", COMPLETE, TestApp.ADA, "{\"version\":0}"), 400);

      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
      assertThat(problem.path("detail").asText()).contains("Idempotency-Key");
      assertThat(app.writes).isEmpty();
    }

    @Test
    void notFound_is404() throws Exception {
      app.nextAction.set(ActionOutcome.notFound("a-1"));

      JsonNode problem =
          app.problem(
              app.send("POST", COMPLETE, TestApp.ADA, "{\"version\":0}", "Idempotency-Key", "k"),
              404);

      assertThat(problem.path("detail").asText()).isEqualTo("No action item 'a-1'.");
    }

    @Test
    void versionConflict_is409() throws Exception {
      app.nextAction.set(
          ActionOutcome.rejected(RejectionReason.VERSION_CONFLICT, "Someone changed it."));

      app.problem(
          app.send("POST", COMPLETE, TestApp.ADA, "{\"version\":0}", "Idempotency-Key", "k"), 409);
    }

    @Test
    void otherRejection_is422() throws Exception {
      app.nextAction.set(ActionOutcome.rejected(RejectionReason.NOT_OPEN, "It is done already."));

      JsonNode problem =
          app.problem(
              app.send("POST", COMPLETE, TestApp.ADA, "{\"version\":0}", "Idempotency-Key", "k"),
              422);

      assertThat(problem.path("detail").asText()).isEqualTo("It is done already.");
      assertThat(problem.path("errors").get(0).path("reason").asText()).isEqualTo("not-open");
    }

    @Test
    void keyReused_is422() throws Exception {
      app.nextAction.set(ActionOutcome.keyReused());

      JsonNode problem =
          app.problem(
              app.send("POST", COMPLETE, TestApp.ADA, "{\"version\":0}", "Idempotency-Key", "k"),
              422);

      assertThat(problem.path("type").asText())
          .isEqualTo("https://intropage.dev/problems/idempotency-key-reused");
    }

    @Test
    void unknownCommand_is404() throws Exception {
      app.problem(
          app.send(
              "POST",
              TestApp.BASE + "/ada/actions/a-1/delete",
              TestApp.ADA,
              "{\"version\":0}",
              "Idempotency-Key",
              "k"),
          404);
    }
  }

  @Test
  void withoutWriters_writesAre501() throws Exception {
    try (TestApp bare = new TestApp(false)) {
      bare.problem(
          bare.send("PUT", PREFS, TestApp.ADA, "{}", "If-Match", "\"1\"", "Idempotency-Key", "k"),
          501);
      bare.problem(
          bare.send("POST", COMPLETE, TestApp.ADA, "{\"version\":0}", "Idempotency-Key", "k"), 501);
    }
  }
}
