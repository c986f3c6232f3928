package dev.intropage.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per request (request id, user, method, path, status, duration) and times it as
 * {@code http.server.requests} by method, route template and status.
 */
@PreMatching
final class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger("dev.intropage.access");
  private static final String STARTED = RequestLog.class.getName() + ".started";

  /** Where the REST adapter keeps the request's id (taken from X-Request-Id or made). */
  static final String REQUEST_ID = "dev.intropage.rest.requestId";

  private final MeterRegistry registry;

  RequestLog(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    long nanos = started instanceof Long start ? System.nanoTime() - start : 0;
    Principal principal = request.getSecurityContext().getUserPrincipal();
    String user = principal == null ? "-" : principal.getName();
    Object requestId = request.getProperty(REQUEST_ID);
    String path = "/" + request.getUriInfo().getPath();
    LOG.atInfo()
        .addKeyValue("requestId", requestId == null ? "-" : requestId)
        .addKeyValue("user", user)
        .addKeyValue("method", request.getMethod())
        .addKeyValue("path", path)
        .addKeyValue("status", response.getStatus())
        .addKeyValue("durationMillis", nanos / 1_000_000.0)
        .log(
            "{} {} {} {} {} {} ms",
            requestId == null ? "-" : requestId,
            user,
            request.getMethod(),
            path,
            response.getStatus(),
            String.format(java.util.Locale.ROOT, "%.2f", nanos / 1_000_000.0));
    Timer.builder("http.server.requests")
        .description("HTTP requests by method, route and status")
        .tag("method", request.getMethod())
        .tag("uri", route(request))
        .tag("status", Integer.toString(response.getStatus()))
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  private static String route(ContainerRequestContext request) {
    if (request.getUriInfo() instanceof ExtendedUriInfo info) {
      List<org.glassfish.jersey.uri.UriTemplate> templates = info.getMatchedTemplates();
      if (!templates.isEmpty()) {
        StringBuilder route = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
          String template = templates.get(i).getTemplate();
          if (!template.startsWith("/")
              && (route.isEmpty() || route.charAt(route.length() - 1) != '/')) {
            route.append('/');
          }
          route.append(template);
        }
        return route.toString();
      }
    }
    return "UNMATCHED";
  }
}
