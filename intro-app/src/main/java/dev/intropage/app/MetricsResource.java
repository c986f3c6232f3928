package dev.intropage.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /metrics}: the Prometheus text exposition of every meter. */
@Path("metrics")
@Tag(name = "service", description = "Endpoints of the standalone service, not of the library.")
public final class MetricsResource {
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsResource(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Returns every meter in the Prometheus text format. */
  @GET
  @Produces(TEXT_FORMAT)
  @Operation(
      summary = "Prometheus metrics",
      description =
          "Every meter of the service (pages, sections, HTTP requests, JVM, connection pool) in"
              + " the Prometheus text format, for a scraper. No token: keep the port off the"
              + " public network or filter the path at the proxy.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The text exposition",
              content = @Content(mediaType = TEXT_FORMAT, schema = @Schema(type = "string"))))
  public String scrape() {
    return registry.scrape();
  }
}
