package dev.intropage.rest;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Serves the OpenAPI 3.1 document of the application at {@code GET /openapi.json} and {@code GET
 * /openapi.yaml}, open to anyone.
 *
 * <p>The document is read from the annotations of the root resources registered in the running
 * application (the feature's own and the host's, such as intro-app's {@code /metrics}), taken from
 * the application's {@link Configuration}: nothing is scanned. It is built on the first request and
 * kept; its server URL is the application's base path, so it also holds under a context path.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Hidden
@Path("/")
public final class OpenApiResource {
  /** The document's title. */
  static final String TITLE = "Intro Page API";

  static final String YAML = "application/yaml";

  private final String version;
  private volatile @Nullable Documents documents;

  OpenApiResource(String version) {
    this.version = version;
  }

  /** The document as JSON. */
  @GET
  @Path("openapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  public String json(@Context Configuration configuration, @Context UriInfo uri) {
    return documents(configuration, uri).json();
  }

  /** The document as YAML. */
  @GET
  @Path("openapi.yaml")
  @Produces(YAML)
  public String yaml(@Context Configuration configuration, @Context UriInfo uri) {
    return documents(configuration, uri).yaml();
  }

  private Documents documents(Configuration configuration, UriInfo uri) {
    Documents current = documents;
    if (current == null) {
      OpenAPI document = read(resourceClasses(configuration), version, uri.getBaseUri().getPath());
      current = new Documents(Json31.pretty(document), Yaml31.pretty(document));
      documents = current;
    }
    return current;
  }

  /**
   * Reads the OpenAPI 3.1 model of the given resource classes, exactly these.
   *
   * @param resources root resource classes (annotated with {@link Path})
   * @param version the API's version, stated in {@code info.version}
   * @param basePath the application's base path, such as {@code /} or {@code /intro/}
   */
  static OpenAPI read(Set<Class<?>> resources, String version, String basePath) {
    OpenAPI base =
        new OpenAPI(SpecVersion.V31)
            .info(
                new Info()
                    .title(TITLE)
                    .version(version)
                    .description(
                        "The intro page of a signed-in user: the page itself, its health, older"
                            + " activity, preference updates, actions on items, and operator"
                            + " endpoints. Errors are RFC 9457 problem details"
                            + " (application/problem+json). Paths under /api need a bearer JWT"
                            + " (`sub` is the user id, `roles` may hold `intro:admin`)."));
    String path = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    if (!path.isEmpty()) {
      base.servers(List.of(new Server().url(path)));
    }
    Set<String> names = new TreeSet<>();
    resources.forEach(type -> names.add(type.getName()));
    SwaggerConfiguration config =
        new SwaggerConfiguration()
            .openAPI(base)
            .openAPI31(true)
            .resourceClasses(names)
            .readAllResources(true)
            .prettyPrint(true);
    OpenAPI document = new Reader(config).read(resources);
    allowNullWhereDeclared(document);
    return document;
  }

  /**
   * Completes what a property's {@code @Schema(types = {..., "null"})} declares where swagger-core
   * writes it in a shape JSON Schema 2020-12 does not read as nullable: beside a {@code $ref},
   * whose target still demands its own type, the reference becomes {@code oneOf} the target and
   * {@code null}; beside an {@code enum}, {@code null} joins the values.
   */
  static void allowNullWhereDeclared(OpenAPI document) {
    Components components = document.getComponents();
    if (components == null || components.getSchemas() == null) {
      return;
    }
    for (Schema<?> schema : components.getSchemas().values()) {
      if (schema.getProperties() != null) {
        schema.getProperties().replaceAll((name, property) -> allowNull(property));
      }
    }
  }

  private static Schema<?> allowNull(Schema<?> property) {
    Set<String> types = property.getTypes();
    if (types == null || !types.contains("null")) {
      return property;
    }
    String reference = property.get$ref();
    if (reference != null) {
      Schema<Object> target = new JsonSchema();
      target.set$ref(reference);
      Schema<Object> none = new JsonSchema();
      none.setTypes(new LinkedHashSet<>(List.of("null")));
      Schema<Object> either = new JsonSchema();
      either.setOneOf(new ArrayList<>(List.of(target, none)));
      either.setDescription(property.getDescription());
      return either;
    }
    List<?> values = property.getEnum();
    if (values != null && !values.contains(null)) {
      values.add(null);
    }
    return property;
  }

  /** The root resource classes registered in the application, in a stable order. */
  static Set<Class<?>> resourceClasses(Configuration configuration) {
    Set<Class<?>> all = new LinkedHashSet<>(configuration.getClasses());
    for (Object instance : configuration.getInstances()) {
      all.add(instance.getClass());
    }
    Set<Class<?>> resources = new TreeSet<>(Comparator.comparing(Class::getName));
    for (Class<?> type : all) {
      if (type.isAnnotationPresent(Path.class)) {
        resources.add(type);
      }
    }
    return resources;
  }

  private record Documents(String json, String yaml) {}
}
