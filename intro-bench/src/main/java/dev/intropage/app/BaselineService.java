package dev.intropage.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of issue 4's HTTP benchmark: the real service, as {@code java -jar intro-app.jar
 * serve} runs it (same environment configuration, same Jetty, same Jersey application with its
 * server-wide filters: request id, access log, HTTP metrics, body limit, encoding; same shutdown on
 * SIGTERM), plus one resource, {@code GET /bench/bare/{userId}}, that returns a fixed JSON body.
 * The path is outside {@code api/}, so no token is checked and no engine runs: the ratio of the
 * page's throughput to this endpoint's, in the same process and run, is the cost of the page's own
 * work (JWT, engine, serialization).
 *
 * <pre>
 * java -Dintro.bench.baseline=page.json \
 *     -cp intro-app/target/intro-app.jar:intro-bench/target/benchmarks.jar \
 *     dev.intropage.app.BaselineService
 * </pre>
 *
 * <p>The body is the file named by the system property {@value #BODY_PROPERTY}, which must be set.
 * The body is to be the first user's cached page, which exists only once this service runs; so the
 * file is read at the first request to the endpoint that finds it, and that body is then kept for
 * the life of the process. Until the file can be read, the endpoint answers 503 with the reason.
 * {@code intro-bench/load/run.sh} writes the file from the service's own page before it sends the
 * first bare request, and checks the endpoint's body against the file.
 *
 * <p>This class sits in {@code dev.intropage.app}, a package split between intro-app and
 * intro-bench, because the service's hook for extra resources ({@link IntroPageApp#launch}, {@link
 * Server#start(dev.intropage.app.config.AppConfig, java.time.Clock, java.io.PrintStream,
 * java.io.PrintStream, List)}) is package-private: production cannot reach it. Neither module has a
 * {@code module-info}, so both are on the class path, where a split package is allowed; run.sh puts
 * intro-app.jar first, so every class of the service is the one shipped.
 */
@NullMarked
public final class BaselineService {
  /** The system property that names the body's file. */
  public static final String BODY_PROPERTY = "intro.bench.baseline";

  private BaselineService() {}

  /**
   * Serves as {@code serve} does, with the bare endpoint; exits with 2 if the property is unset.
   */
  public static void main(String[] args) {
    String file = System.getProperty(BODY_PROPERTY, "");
    if (file.isBlank()) {
      System.err.println(
          "set -D" + BODY_PROPERTY + "=<file>: the JSON body of GET /bench/bare/{userId}");
      System.exit(2);
    }
    IntroPageApp.launch(List.of(new BareResource(java.nio.file.Path.of(file))), "serve");
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
        bytes = java.nio.file.Files.readAllBytes(file);
        body = bytes;
      }
      return bytes;
    }
  }
}
