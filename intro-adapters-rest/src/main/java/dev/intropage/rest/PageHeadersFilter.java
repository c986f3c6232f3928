package dev.intropage.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Gives a page's answer its headers: the weak {@code ETag}, {@code 304 Not Modified} without a body
 * while the client's {@code If-None-Match} still matches (Jersey evaluates the preconditions),
 * {@code Cache-Control: private, no-cache}, {@code Vary: Authorization} and the page's {@code
 * Server-Timing}. Answers that carry no page, such as problems, pass unchanged.
 *
 * <p>It runs before gzip's encoding filter, response filters running from the highest priority
 * down, so that a 304 has no body left to encode. Thread-safe.
 */
@PageHeaders
@Priority(Priorities.HEADER_DECORATOR + 1)
final class PageHeadersFilter implements ContainerResponseFilter {
  static final String SERVER_TIMING = "Server-Timing";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof PageJson.Tagged page)) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    Response.ResponseBuilder failed =
        request.getRequest().evaluatePreconditions(new EntityTag(page.tag(), true));
    if (failed != null) {
      response.setStatus(failed.build().getStatus());
      response.setEntity(null);
      headers.remove(HttpHeaders.CONTENT_TYPE);
    }
    // The header as text: an EntityTag is turned into text through a provider lookup.
    headers.putSingle(HttpHeaders.ETAG, "W/\"" + page.tag() + '"');
    headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    headers.add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    headers.putSingle(SERVER_TIMING, ServerTiming.of(page.page()));
  }
}
