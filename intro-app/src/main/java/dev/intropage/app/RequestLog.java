package dev.intropage.app;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per request (request id, user, method, path, status, duration) and times it as
 * {@code http.server.requests} by method, route template and status.
 *
 * <p>The path is logged as the client sent it, percent-encoded, so that a decoded line break can
 * forge no log line. A method outside HTTP's own is timed as {@code OTHER}, so that invented
 * methods cannot add meters without bound.
 */
@PreMatching
final class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger("dev.intropage.access");
  private static final String STARTED = RequestLog.class.getName() + ".started";

  /** Where the REST adapter keeps the request's id (taken from X-Request-Id or made). */
  static final String REQUEST_ID = "dev.intropage.rest.requestId";

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

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
    String path = request.getUriInfo().getRequestUri().getRawPath();
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
            millis(nanos));
    timer(knownMethod(request.getMethod()), route(request), response.getStatus())
        .record(nanos, NANOSECONDS);
  }

  /** The request timer of these tags, built once: building and finding it cost a page 1 %. */
  private Timer timer(String method, String route, int status) {
    return MicrometerListener.meter(
        timers,
        method + ' ' + status + ' ' + route,
        absent ->
            Timer.builder("http.server.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", method)
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry));
  }

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private static String knownMethod(String method) {
    return METHODS.contains(method) ? method : "OTHER";
  }

  /** Milliseconds with two decimals, as {@code %.2f} writes them, without a formatter. */
  static String millis(long nanos) {
    long hundredths = (nanos + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
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
