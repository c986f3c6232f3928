package dev.intropage.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /metrics}: the Prometheus text exposition of every meter. */
@Path("metrics")
public final class MetricsResource {
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsResource(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Returns every meter in the Prometheus text format. */
  @GET
  @Produces(TEXT_FORMAT)
  public String scrape() {
    return registry.scrape();
  }
}
