package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import dev.intropage.rest.AccessPolicy.Action;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
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
@SecurityRequirement(name = IntroPageResource.BEARER)
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
  @Operation(
      summary = "The owner's page as server-sent events",
      description =
          "A stream of `event: page` events: the whole page first, then again whenever an"
              + " invalidation changes it; `: heartbeat` comments keep it open. Only the page's"
              + " owner may listen. Format and limits: docs/events.md.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS)),
        @ApiResponse(
            responseCode = "400",
            description = "Invalid or reserved user id",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "403",
            description = "Not the page's owner (operators included)",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "429",
            description = "Too many open streams for this user",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "501",
            description = "No invalidation bus configured",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "503",
            description = "Shutting down",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
      })
  @Uncompressed
  public void events(
      @Context SecurityContext security,
      @Parameter(description = "The page owner's user id") @PathParam("userId") String userId,
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
