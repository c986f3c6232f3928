package dev.intropage.bench.load;

import dev.intropage.app.IntroPageApp;
import dev.intropage.app.config.ConfigException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The load tests' baseline: the real service, as {@code java -jar intro-app.jar serve} runs it,
 * plus one resource, {@code GET /bench/bare/{userId}}, that returns a fixed JSON body behind the
 * same Jetty, Jersey application and server-wide filters. The path is outside {@code api/}, so no
 * token is checked and no engine runs: comparing the page with this endpoint in the same process
 * and run prices the page's own work (JWT, engine, serialization).
 *
 * <pre>
 * java -Dintro.bench.baseline=page.json \
 *     -cp intro-app/target/intro-app.jar:intro-bench/target/benchmarks.jar \
 *     dev.intropage.bench.load.BaselineService
 * </pre>
 *
 * <p>The body is the file named by the system property {@value #BODY_PROPERTY}, which must be set.
 * It is to be the service's own cached page, which exists only once the service runs, so the file
 * is read at the first request that finds it and kept from then on; until then the endpoint answers
 * 503 with the reason.
 */
public final class BaselineService {
  /** The system property that names the body's file. */
  public static final String BODY_PROPERTY = "intro.bench.baseline";

  private BaselineService() {}

  /**
   * Serves as {@code serve} does, with the bare endpoint; exits with 2 if the property is unset or
   * the environment does not configure a service.
   */
  public static void main(String[] args) {
    String file = System.getProperty(BODY_PROPERTY, "");
    if (file.isBlank()) {
      System.err.println(
          "set -D" + BODY_PROPERTY + "=<file>: the JSON body of GET /bench/bare/{userId}");
      System.exit(2);
    }
    try {
      BareResource bare = new BareResource(java.nio.file.Path.of(file));
      IntroPageApp.start(System.getenv(), List.of(bare)).awaitShutdown();
    } catch (ConfigException e) {
      System.err.println("configuration error: " + e.getMessage());
      System.exit(2);
    }
  }

  /** {@code GET /bench/bare/{userId}}: the body file's bytes, read once, whatever the user. */
  @Path("bench/bare")
  @Produces(MediaType.APPLICATION_JSON)
  public static final class BareResource {
    private final java.nio.file.Path file;
    private volatile byte @Nullable [] body;

    BareResource(java.nio.file.Path file) {
      this.file = file;
    }

    /** The fixed body; the path parameter only makes the request look like a page request. */
    @GET
    @Path("{userId}")
    public Response page(@PathParam("userId") String userId) {
      byte[] bytes = body;
      if (bytes == null) {
        try {
          bytes = load();
        } catch (IOException e) {
          return Response.status(Response.Status.SERVICE_UNAVAILABLE)
              .type(MediaType.TEXT_PLAIN_TYPE)
              .entity("cannot read the baseline body " + file + " (" + e + ")\n")
              .build();
        }
      }
      return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Reads the file unless a concurrent first request has; every caller gets the same bytes. */
    private synchronized byte[] load() throws IOException {
      byte[] bytes = body;
      if (bytes == null) {
        bytes = Files.readAllBytes(file);
        body = bytes;
      }
      return bytes;
    }
  }
}
