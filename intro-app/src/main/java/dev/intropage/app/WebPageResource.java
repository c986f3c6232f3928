package dev.intropage.app;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Serves the intro page at {@code /}: the static files of a class path folder (the intro-web jar's
 * {@code intro-web/}), with {@code index.html} for every other path outside the service's own, so
 * that the page's own routes load the page.
 *
 * <ul>
 *   <li>Only {@code GET} (and so {@code HEAD}); other methods answer 405.
 *   <li>Files under {@code assets/} whose name carries a content hash ({@code app-1a2b3c4d.js}) are
 *       cached for a year as immutable; every other file, {@code index.html} first, is revalidated
 *       with its (weak) ETag on each use.
 *   <li>Paths under {@code /api/}, {@code /health}, {@code /metrics}, {@code /openapi.*} and {@code
 *       /docs} that no endpoint serves answer a 404 problem, as does a missing file under {@code
 *       assets/}, which the page itself asked for.
 *   <li>Only plain names are looked up: a segment that is empty, starts with a dot or holds a
 *       character outside {@code [A-Za-z0-9._-]} (a backslash, a decoded {@code %2e%2e} or {@code
 *       %2f}) answers 404, so no path climbs out of the folder; a directory is never listed.
 *   <li>Every answer with the page or one of its files carries a Content-Security-Policy without
 *       inline scripts, {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy:
 *       no-referrer}.
 *   <li>Without the folder on the class path (a build without the page, or a library user's
 *       application) every path here answers a 404 problem saying so.
 * </ul>
 *
 * <p>Jersey matches every more specific path first, so the API's requests never reach this
 * resource. Files are read once and kept; only files that exist are kept.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively. Thread-safe.
 */
@Hidden
@Path("/")
public final class WebPageResource {
  /** The class path folder of the intro-web jar. */
  static final String PACKAGED_ROOT = "intro-web/";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  private static final String INDEX = "index.html";

  /**
   * Any path but the service's own: those never reach this resource, so that whatever no endpoint
   * serves there answers 404 for every method. Non-capturing groups only, as Jersey counts groups.
   */
  static final String PAGE_PATH =
      "(?!(?:api|health|metrics|openapi\\.json|openapi\\.yaml|docs)(?:/|$)).+";

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final Pattern HASHED_ASSET =
      Pattern.compile("assets/[A-Za-z0-9._-]+-[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9]+");
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"),
          Map.entry("txt", "text/plain; charset=utf-8"));

  private final ClassLoader loader;
  private final String root;
  private final boolean packaged;
  private final Map<String, StaticFile> files = new ConcurrentHashMap<>();

  /**
   * @param loader where the folder is looked up
   * @param root the folder's class path name, ending in a slash, such as {@value #PACKAGED_ROOT}
   */
  WebPageResource(ClassLoader loader, String root) {
    this.loader = requireNonNull(loader, "loader");
    this.root = requireNonNull(root, "root");
    if (!root.endsWith("/")) {
      throw new IllegalArgumentException("root must end in a slash: " + root);
    }
    this.packaged = find(INDEX) != null;
  }

  /** Returns whether the folder holds the page. */
  boolean packaged() {
    return packaged;
  }

  /** The page. */
  @GET
  public Response index(@Context Request request, @Context UriInfo uri) {
    return serve(INDEX, request, uri);
  }

  /** A file of the page, or the page itself for a path of the page's own. */
  @GET
  @Path("{path: " + PAGE_PATH + "}")
  public Response file(
      @PathParam("path") String path, @Context Request request, @Context UriInfo uri) {
    String[] segments = path.split("/", -1);
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw new NotFoundException();
      }
    }
    if (!packaged || find(path) != null) {
      return serve(path, request, uri);
    }
    if (segments[0].equals("assets")) {
      throw new NotFoundException();
    }
    return serve(INDEX, request, uri);
  }

  private Response serve(String name, Request request, UriInfo uri) {
    StaticFile file = packaged ? find(name) : null;
    if (file == null) {
      return notPackaged(uri);
    }
    // Weak: gzip may encode the same file differently, which a strong validator must not cover.
    EntityTag tag = new EntityTag(file.tag(), true);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    Response.ResponseBuilder response =
        unchanged != null ? unchanged : Response.ok(file.bytes(), file.type());
    return secured(response)
        .tag(tag)
        .header(HttpHeaders.CACHE_CONTROL, immutable(name) ? IMMUTABLE : REVALIDATE)
        .build();
  }

  /** Whether a file's name carries a content hash, so that new content always has a new name. */
  static boolean immutable(String name) {
    return HASHED_ASSET.matcher(name).matches();
  }

  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
    return response
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer");
  }

  private static Response notPackaged(UriInfo uri) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "https://intropage.dev/problems/not-found");
    problem.put("title", "Not Found");
    problem.put("status", 404);
    problem.put(
        "detail",
        "The web page is not packaged with this build of the service; the API is at /api/v1 and"
            + " its documentation at /docs.");
    problem.put("instance", uri.getRequestUri().getRawPath());
    return secured(Response.status(404).type("application/problem+json").entity(problem)).build();
  }

  /** Returns the folder's file of that name, read once; null when there is no such file. */
  @Nullable StaticFile find(String name) {
    StaticFile cached = files.get(name);
    if (cached != null) {
      return cached;
    }
    URL url = loader.getResource(root + name);
    if (url == null || !regularFile(url)) {
      return null;
    }
    StaticFile loaded = StaticFile.read(url, contentType(name));
    StaticFile raced = files.putIfAbsent(name, loaded);
    return raced == null ? loaded : raced;
  }

  /** Whether a class path resource is a file, not a directory, in a folder or in a jar. */
  private static boolean regularFile(URL url) {
    try {
      return switch (url.getProtocol()) {
        case "file" -> Files.isRegularFile(java.nio.file.Path.of(url.toURI()));
        case "jar" -> {
          JarEntry entry = ((JarURLConnection) url.openConnection()).getJarEntry();
          yield entry != null && !entry.isDirectory();
        }
        default -> false;
      };
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A file's content, media type and validator. */
  static final class StaticFile {
    private final byte[] bytes;
    private final String type;
    private final String tag;

    private StaticFile(byte[] bytes, String type, String tag) {
      this.bytes = bytes;
      this.type = type;
      this.tag = tag;
    }

    static StaticFile read(URL url, String type) {
      try (InputStream in = url.openStream()) {
        byte[] bytes = in.readAllBytes();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        return new StaticFile(bytes, type, HexFormat.of().formatHex(digest, 0, 16));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + url, e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    /** The content; the caller must not change it. */
    byte[] bytes() {
      return bytes;
    }

    String type() {
      return type;
    }

    String tag() {
      return tag;
    }
  }
}
