package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.SectionHealth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/intro-page/metrics}: the operators' view of this instance's engine.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Path("/api/v1/intro-page/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = IntroPageResource.TAG)
@SecurityRequirement(name = IntroPageResource.BEARER)
public final class MetricsResource {
  private final IntroPageEngine engine;
  private final Authorizer authorizer;
  private final EngineStats stats;

  MetricsResource(IntroPageEngine engine, Authorizer authorizer, EngineStats stats) {
    this.engine = requireNonNull(engine, "engine");
    this.authorizer = requireNonNull(authorizer, "authorizer");
    this.stats = requireNonNull(stats, "stats");
  }

  /** Operator view of the engine: latencies, statuses, cache and breakers. */
  @GET
  @Operation(
      summary = "Engine metrics for operators",
      description =
          "Latency percentiles per section and page, section statuses, cache hit ratios and"
              + " circuit breaker states of this instance. For `intro:admin` only.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "`engine` (the statistics) and `breakers` (state per section)",
              content = @Content(schema = @Schema(type = "object"))))
  @ProblemResponses.Authenticated
  @ProblemResponses.AdminOnly
  public Map<String, Object> metrics(@Context SecurityContext security) {
    authorizer.operate(security);
    Map<String, String> breakers = new TreeMap<>();
    for (SectionHealth health : engine.health()) {
      breakers.put(health.section(), health.breaker().name());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("engine", stats.snapshot());
    body.put("breakers", breakers);
    return body;
  }
}
