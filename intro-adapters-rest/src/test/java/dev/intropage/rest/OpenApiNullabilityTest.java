package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every property the service sends as {@code null} is declared so in the OpenAPI 3.1 document, the
 * way JSON Schema 2020-12 reads it: {@code "null"} among the types, a {@code oneOf} with a null
 * schema beside a reference, and {@code null} among an enum's values; the properties never sent as
 * null stay non-null.
 */
class OpenApiNullabilityTest {
  private static TestApp app;
  private static JsonNode schemas;

  @BeforeAll
  static void start() throws Exception {
    app = new TestApp(true);
    schemas = app.body(app.get("/openapi.json", null)).path("components").path("schemas");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Whether a property schema accepts a JSON null, for the shapes the document uses. */
  static boolean allowsNull(JsonNode property) {
    JsonNode type = property.path("type");
    boolean typed =
        type.isArray()
            ? contains(type, "null")
            : type.isTextual() ? type.asText().equals("null") : false;
    if (property.has("$ref")) {
      return false;
    }
    if (property.has("oneOf") || property.has("anyOf")) {
      JsonNode options = property.has("oneOf") ? property.path("oneOf") : property.path("anyOf");
      for (JsonNode option : options) {
        if (allowsNull(option)) {
          return true;
        }
      }
      return false;
    }
    if (property.has("enum")) {
      return typed && property.path("enum").toString().contains("null");
    }
    return typed || (!property.has("type") && property.isEmpty());
  }

  private static boolean contains(JsonNode array, String text) {
    for (JsonNode item : array) {
      if (item.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode property(String schema, String property) {
    JsonNode node = schemas.path(schema).path("properties").path(property);
    assertThat(node.isMissingNode()).as(schema + "." + property + " is declared").isFalse();
    return node;
  }

  @Test
  void propertiesSentAsNull_allowNull() {
    Map<String, List<String>> nullable =
        Map.of(
            "SectionView", List.of("data", "error"),
            "SectionHealthView", List.of("lastSuccess", "lastFailure", "lastErrorCode"),
            "InvalidatedView", List.of("userId", "section"),
            "PreferencesView", List.of("theme", "density", "zone", "locale"),
            "ActionItemView", List.of("dueAt", "snoozedUntil"),
            "ActivityFeedView", List.of("nextCursor"));
    List<String> refused = new ArrayList<>();
    nullable.forEach(
        (schema, properties) ->
            properties.forEach(
                name -> {
                  if (!allowsNull(property(schema, name))) {
                    refused.add(schema + "." + name + " " + property(schema, name));
                  }
                }));
    assertThat(refused).isEmpty();
  }

  @Test
  void propertiesNeverNull_refuseNull() {
    Map<String, List<String>> present =
        Map.of(
            "SectionView", List.of("key", "status", "source"),
            "SectionHealthView", List.of("section", "breaker"),
            "PreferencesView", List.of("sectionOrder", "version"),
            "ActivityGroupView", List.of("actor", "type", "eventIds"),
            "ErrorView", List.of("code"));
    present.forEach(
        (schema, properties) ->
            properties.forEach(
                name ->
                    assertThat(allowsNull(property(schema, name)))
                        .as(schema + "." + name)
                        .isFalse()));
  }

  @Test
  void activityActor_isAPlainString_asTheServiceWritesUserIds() {
    assertThat(property("ActivityGroupView", "actor").path("type").asText()).isEqualTo("string");
  }

  @Test
  void nullableReferenceAndEnum_areRewrittenAsJsonSchemaReadsThem() throws Exception {
    Schema<Object> reference = new JsonSchema();
    reference.set$ref("#/components/schemas/ErrorView");
    reference.setTypes(new LinkedHashSet<>(List.of("object", "null")));
    Schema<Object> choice = new JsonSchema();
    choice.setTypes(new LinkedHashSet<>(List.of("string", "null")));
    choice.setEnum(new ArrayList<>(List.of("LIGHT", "DARK")));
    Schema<Object> plain = new JsonSchema();
    plain.setTypes(new LinkedHashSet<>(Set.of("string")));
    Schema<Object> holder = new JsonSchema();
    holder.setTypes(new LinkedHashSet<>(Set.of("object")));
    holder.addProperty("reference", reference);
    holder.addProperty("choice", choice);
    holder.addProperty("plain", plain);
    OpenAPI document = new OpenAPI(SpecVersion.V31);
    document.schema("Holder", holder);

    OpenApiResource.allowNullWhereDeclared(document);

    JsonNode written =
        new ObjectMapper()
            .readTree(Json31.pretty(document))
            .path("components")
            .path("schemas")
            .path("Holder")
            .path("properties");
    assertThat(written.path("reference").toString())
        .isEqualTo(
            "{\"oneOf\":[{\"$ref\":\"#/components/schemas/ErrorView\"},{\"type\":\"null\"}]}");
    assertThat(allowsNull(written.path("reference"))).isTrue();
    assertThat(written.path("choice").path("enum").toString())
        .isEqualTo("[\"LIGHT\",\"DARK\",null]");
    assertThat(allowsNull(written.path("choice"))).isTrue();
    assertThat(allowsNull(written.path("plain"))).isFalse();
  }
}
