package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.rest.Views.StatusView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.BooleanSupplier;

/**
 * Probes for a load balancer or orchestrator, open to anyone: {@code /health/live} says the process
 * answers, {@code /health/ready} asks the host's readiness check (database, migrations).
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
  private final BooleanSupplier readiness;

  HealthResource(BooleanSupplier readiness) {
    this.readiness = requireNonNull(readiness, "readiness");
  }

  /** 200 while the process can answer at all. */
  @GET
  @Path("live")
  public StatusView live() {
    return new StatusView("UP");
  }

  /** 200 when the host says it is ready, else 503; a failing check counts as not ready. */
  @GET
  @Path("ready")
  public Response ready() {
    boolean ready;
    try {
      ready = readiness.getAsBoolean();
    } catch (RuntimeException e) {
      ready = false;
    }
    return ready
        ? Response.ok(new StatusView("UP")).build()
        : Response.status(503).entity(new StatusView("DOWN")).build();
  }
}
