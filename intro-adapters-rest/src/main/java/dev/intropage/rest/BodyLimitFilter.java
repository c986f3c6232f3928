package dev.intropage.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@value #LIMIT} bytes with 413: at once when {@code Content-Length}
 * says so, else by reading at most one byte more than the limit. Bodies within the limit are
 * buffered, so nothing after this filter can read more.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
final class BodyLimitFilter implements ContainerRequestFilter {
  static final int LIMIT = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > LIMIT) {
      throw Problems.tooLarge(LIMIT);
    }
    if (!request.hasEntity()) {
      return;
    }
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in.readNBytes(LIMIT + 1);
    }
    if (body.length > LIMIT) {
      throw Problems.tooLarge(LIMIT);
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }
}
