package dev.intropage.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Adds what every answer a browser may render should say, unless the resource said otherwise: no
 * content sniffing, no framing by any site, and, for an answer to an authenticated caller, that it
 * is never stored. A resource with its own policy (the page's caching, the web page's content
 * security policy) keeps it. Thread-safe.
 */
@Priority(Priorities.HEADER_DECORATOR)
final class SecurityHeadersFilter implements ContainerResponseFilter {
  static final String NO_FRAMING = "frame-ancestors 'none'";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!headers.containsKey("X-Content-Type-Options")) {
      headers.putSingle("X-Content-Type-Options", "nosniff");
    }
    if (!headers.containsKey("Content-Security-Policy")) {
      headers.putSingle("Content-Security-Policy", NO_FRAMING);
    }
    if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)
        && request.getSecurityContext().getUserPrincipal()
            instanceof AuthenticationFilter.CallerPrincipal) {
      headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }
}
