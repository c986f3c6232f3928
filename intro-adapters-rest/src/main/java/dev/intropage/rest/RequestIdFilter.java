package dev.intropage.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@value #HEADER} when it is a sane token (1 to 64
 * characters of {@code [A-Za-z0-9._-]}), else a new UUID. The id is kept in the request property
 * {@value #PROPERTY} for the host's logging and returned on every response.
 */
@PreMatching
@Priority(RequestIdFilter.PRIORITY)
final class RequestIdFilter implements ContainerRequestFilter {
  static final String HEADER = "X-Request-Id";
  static final String PROPERTY = "dev.intropage.rest.requestId";
  static final int PRIORITY = 100;
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * The id of the request this thread is processing, for the incident log of the exception mapper,
   * which JAX-RS gives no request context; Jersey runs a synchronous request on one thread.
   */
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** Returns the id of the request this thread processes, or {@code "-"} outside of one. */
  static String current() {
    String id = CURRENT.get();
    return id == null ? "-" : id;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String given = request.getHeaderString(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : newId();
    request.setProperty(PROPERTY, id);
    CURRENT.set(id);
  }

  /**
   * Returns a random (version 4) UUID. An id correlates log lines and needs no secrecy, so it comes
   * from {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}'s {@code SecureRandom},
   * which cost more than the rest of this filter.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }

  /** Returns the request's id on its response, whatever produced the response. */
  static final class Echo implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      Object id = request.getProperty(PROPERTY);
      if (id != null) {
        response.getHeaders().putSingle(HEADER, id);
      }
      CURRENT.remove();
    }
  }
}
