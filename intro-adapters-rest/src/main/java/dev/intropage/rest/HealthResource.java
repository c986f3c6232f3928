package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.rest.Views.StatusView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "health", description = "Probes for load balancers and orchestrators; no token.")
public final class HealthResource {
  private final BooleanSupplier readiness;

  HealthResource(BooleanSupplier readiness) {
    this.readiness = requireNonNull(readiness, "readiness");
  }

  /** 200 while the process can answer at all. */
  @GET
  @Path("live")
  @Operation(
      summary = "Liveness",
      description = "200 while the process can answer at all. Open to anyone.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "`UP`",
              content = @Content(schema = @Schema(implementation = StatusView.class))))
  public StatusView live() {
    return new StatusView("UP");
  }

  /** 200 when the host says it is ready, else 503; a failing check counts as not ready. */
  @GET
  @Path("ready")
  @Operation(
      summary = "Readiness",
      description =
          "200 when the host's readiness check passes (database reachable, migrations applied),"
              + " else 503. Open to anyone.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "`UP`: ready for traffic",
            content = @Content(schema = @Schema(implementation = StatusView.class))),
        @ApiResponse(
            responseCode = "503",
            description = "`DOWN`: not ready, or the check failed",
            content = @Content(schema = @Schema(implementation = StatusView.class)))
      })
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
