package dev.intropage.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose answer is never compressed: a stream of server-sent events, which a
 * compressor would hold back until it had enough to compress, so that no event reached a browser
 * (every browser asks for gzip) before the stream ended.
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
@interface Uncompressed {
  /**
   * Drops the request's {@code Accept-Encoding}, so that Jersey's encoding filter answers
   * uncompressed. Thread-safe.
   */
  @Uncompressed
  @Priority(Priorities.HEADER_DECORATOR)
  final class Filter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      request.getHeaders().remove(HttpHeaders.ACCEPT_ENCODING);
    }
  }
}
