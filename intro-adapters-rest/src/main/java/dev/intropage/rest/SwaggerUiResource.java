package dev.intropage.rest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Swagger UI at {@code GET /docs}, open to anyone: the page is the webjar's {@code index.html} with
 * its asset links made absolute and its initializer pointing at this application's {@code
 * /openapi.json}; the assets ({@code /docs/swagger-ui-bundle.js}, ...) are streamed from the {@code
 * org.webjars:swagger-ui} jar on the class path with their content types.
 *
 * <p>Only a single file name of the webjar's directory is ever looked up: anything with a path
 * separator, a leading dot or a character outside {@code [A-Za-z0-9._-]} answers 404, so no path
 * can climb out of it. Without the webjar on the class path every path here answers 404.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Hidden
@Path("docs")
public final class SwaggerUiResource {
  static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  static final String WEBJAR_ROOT = "META-INF/resources/webjars/swagger-ui/";
  static final String INITIALIZER = "swagger-initializer.js";
  private static final Pattern FILE_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "png", "image/png",
          "json", "application/json",
          "txt", "text/plain; charset=utf-8",
          "map", "application/json");

  private final ClassLoader loader;
  private final Optional<String> root;

  SwaggerUiResource() {
    this(SwaggerUiResource.class.getClassLoader());
  }

  SwaggerUiResource(ClassLoader loader) {
    this.loader = loader;
    this.root = webjarVersion(loader).map(version -> WEBJAR_ROOT + version + "/");
  }

  /** The Swagger UI page. */
  @GET
  public Response page(@Context UriInfo uri) {
    return html(uri);
  }

  /** The Swagger UI page, by its file name. */
  @GET
  @Path("index.html")
  public Response index(@Context UriInfo uri) {
    return html(uri);
  }

  /** The initializer, pointing at this application's document instead of the petstore's. */
  @GET
  @Path(INITIALIZER)
  public Response initializer(@Context UriInfo uri) {
    return Response.ok(initializerScript(base(uri)), TYPES.get("js"))
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** One of the webjar's files, streamed. */
  @GET
  @Path("{file}")
  public Response asset(@PathParam("file") String file) {
    String resource = resource(file).orElseThrow(SwaggerUiResource::notFound);
    if (loader.getResource(resource) == null) {
      throw notFound();
    }
    StreamingOutput body =
        out -> {
          try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
              throw new IOException("vanished from the class path: " + resource);
            }
            in.transferTo(out);
          }
        };
    return Response.ok(body, contentType(file))
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * Returns the class path resource of a file of the webjar, or empty when the name is not a plain
   * file name (no separators, no leading dot, no {@code ..}) or there is no webjar.
   */
  Optional<String> resource(String file) {
    if (!FILE_NAME.matcher(file).matches()) {
      return Optional.empty();
    }
    return root.map(directory -> directory + file);
  }

  static String contentType(String file) {
    int dot = file.lastIndexOf('.');
    String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private Response html(UriInfo uri) {
    String directory = root.orElseThrow(SwaggerUiResource::notFound);
    String base = base(uri);
    String docs = base + "docs/";
    String page =
        read(directory + "index.html")
            .replace("href=\"./", "href=\"" + docs)
            .replace("src=\"./", "src=\"" + docs)
            .replace("href=\"index.css\"", "href=\"" + docs + "index.css\"")
            .replace(
                "<script src=\"" + docs + INITIALIZER + "\" charset=\"UTF-8\"> </script>",
                "<script>\n" + initializerScript(base) + "</script>");
    return Response.ok(page, TYPES.get("html"))
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** The application's base path, ending in a slash; a path has no quote or angle bracket. */
  private static String base(UriInfo uri) {
    String path = uri.getBaseUri().getRawPath();
    if (path == null || path.isEmpty()) {
      return "/";
    }
    return path.endsWith("/") ? path : path + "/";
  }

  static String initializerScript(String base) {
    return """
        window.onload = function() {
          window.ui = SwaggerUIBundle({
            url: "%sopenapi.json",
            dom_id: "#swagger-ui",
            deepLinking: true,
            persistAuthorization: true,
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
            plugins: [SwaggerUIBundle.plugins.DownloadUrl],
            layout: "StandaloneLayout"
          });
        };
        """
        .formatted(base);
  }

  private String read(String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw notFound();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static Optional<String> webjarVersion(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version"))
          .filter(version -> FILE_NAME.matcher(version).matches());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static ProblemException notFound() {
    return new ProblemException(404, "not-found", "Not found", "Swagger UI has no such file.");
  }
}
