package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import dev.intropage.rest.AccessPolicy.Action;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/v1/intro-page/{userId}/events}: the owner's page as server-sent events, kept up
 * to date by {@link EventStreams}. Only the page's owner may listen, not even an operator: the
 * stream follows one person's screen. The format is in {@code docs/events.md}.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Path("/api/v1/intro-page/{userId}/events")
public final class EventsResource {
  private final EventStreams streams;
  private final AccessPolicy policy;

  EventsResource(EventStreams streams, AccessPolicy policy) {
    this.streams = requireNonNull(streams, "streams");
    this.policy = requireNonNull(policy, "policy");
  }

  /** Opens the owner's event stream; the first event is the whole page. */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @Context SecurityContext security,
      @PathParam("userId") String userId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    if (!(security.getUserPrincipal() instanceof AuthenticationFilter.CallerPrincipal principal)) {
      throw Problems.missingToken();
    }
    UserId user = UserId.of(userId);
    // WRITE is the owner-only action; an operator may read a page but not follow its owner's
    // screen.
    if (!policy.permits(principal.caller(), Action.WRITE, user.value())) {
      throw Problems.forbidden();
    }
    streams.open(user, sink, sse);
  }
}
