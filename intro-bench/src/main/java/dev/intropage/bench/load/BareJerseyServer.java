package dev.intropage.bench.load;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The baseline of the HTTP load tests: a Jersey application with one resource, {@code GET
 * /bare/{userId}}, that returns a fixed JSON {@code byte[]} (the body of a real page, or {@code
 * --size} bytes of JSON) with no authentication, engine or cache. It runs on the container the
 * service uses, with the same settings as {@code dev.intropage.app.Server} (Jetty 12 through {@code
 * jersey-container-jetty-http}, requests on virtual threads, a {@link GracefulHandler}), or on
 * Grizzly ({@code jersey-container-grizzly2-http}, worker pool replaced by virtual threads) for the
 * container comparison of {@code docs/decisions/0003-http-container.md}.
 *
 * <pre>
 * java -cp intro-bench/target/benchmarks.jar dev.intropage.bench.load.BareJerseyServer \
 *     --container jetty|grizzly --port 0 (--body page.json | --size 4096)
 * </pre>
 *
 * Binds to 127.0.0.1 only, prints {@code listening on http://127.0.0.1:PORT/}, and stops on
 * SIGTERM.
 */
public final class BareJerseyServer {
  private BareJerseyServer() {}

  /** The one resource: a fixed body, whatever the user. */
  @Path("/bare")
  @Produces(MediaType.APPLICATION_JSON)
  public static final class BareResource {
    private final byte[] body;

    BareResource(byte[] body) {
      this.body = Arrays.copyOf(body, body.length);
    }

    /** The fixed body; the path parameter only makes the request look like a page request. */
    @GET
    @Path("{userId}")
    public Response page(@PathParam("userId") String userId) {
      return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
  }

  public static void main(String[] args) throws Exception {
    String container = "jetty";
    int port = 0;
    byte[] body = filler(4096);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--container" -> container = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--size" -> body = filler(Integer.parseInt(args[i + 1]));
        case "--body" -> body = read(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ResourceConfig application = new ResourceConfig();
    application.setApplicationName("bare-jersey");
    application.register(new BareResource(body));
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CountDownLatch stopped = new CountDownLatch(1);
    switch (container) {
      case "jetty" -> {
        org.eclipse.jetty.server.Server http =
            JettyHttpContainerFactory.createServer(base, application, false);
        if (http.getThreadPool() instanceof QueuedThreadPool pool) {
          pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        }
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(http.getHandler());
        http.setHandler(graceful);
        http.setStopTimeout(TimeUnit.SECONDS.toMillis(2));
        // JettyHttpContainerFactory binds every interface whatever the URI's host; loopback only.
        for (Connector connector : http.getConnectors()) {
          if (connector instanceof ServerConnector server) {
            server.setHost("127.0.0.1");
          }
        }
        http.start();
        int bound = ((NetworkConnector) http.getConnectors()[0]).getLocalPort();
        Runtime.getRuntime()
            .addShutdownHook(
                Thread.ofPlatform()
                    .unstarted(
                        () -> {
                          try {
                            http.stop();
                          } catch (Exception e) {
                            System.err.println("jetty did not stop cleanly: " + e);
                          } finally {
                            stopped.countDown();
                          }
                        }));
        out.printf("listening on http://127.0.0.1:%d/ (jetty, %d-byte body)%n", bound, body.length);
      }
      case "grizzly" -> {
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(base, application, false);
        for (NetworkListener listener : http.getListeners()) {
          listener.getTransport().setWorkerThreadPool(Executors.newVirtualThreadPerTaskExecutor());
        }
        http.start();
        int bound = http.getListeners().iterator().next().getPort();
        Runtime.getRuntime()
            .addShutdownHook(
                Thread.ofPlatform()
                    .unstarted(
                        () -> {
                          http.shutdownNow();
                          stopped.countDown();
                        }));
        out.printf(
            "listening on http://127.0.0.1:%d/ (grizzly, %d-byte body)%n", bound, body.length);
      }
      default -> throw new IllegalArgumentException("--container must be jetty or grizzly");
    }
    stopped.await();
  }

  private static byte[] read(String path) throws IOException {
    return Files.readAllBytes(java.nio.file.Path.of(path));
  }

  /** A JSON object of exactly {@code size} bytes (at least 10). */
  static byte[] filler(int size) {
    String prefix = "{\"pad\":\"";
    String suffix = "\"}";
    int pad = Math.max(0, size - prefix.length() - suffix.length());
    return (prefix + "x".repeat(pad) + suffix).getBytes(StandardCharsets.UTF_8);
  }
}
