package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.AccessPolicy.Action;
import dev.intropage.rest.Views.ActivityFeedView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/intro-page/{userId}/activity}: older activity, a page at a time, for the
 * page's owner or an operator.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Path("/api/v1/intro-page/{userId}/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = IntroPageResource.TAG)
@SecurityRequirement(name = IntroPageResource.BEARER)
public final class ActivityResource {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final IntroPageEngine engine;
  private final Authorizer authorizer;
  private final @Nullable ActivityRepository activity;

  /**
   * @param activity where older activity is paged from; without it the endpoint answers 501
   */
  ActivityResource(
      IntroPageEngine engine, Authorizer authorizer, @Nullable ActivityRepository activity) {
    this.engine = requireNonNull(engine, "engine");
    this.authorizer = requireNonNull(authorizer, "authorizer");
    this.activity = activity;
  }

  /** Older activity, a page at a time. */
  @GET
  @Operation(
      summary = "Older activity, a page at a time",
      description =
          "The user's activity feed, newest first, grouped; follow `nextCursor` for the page"
              + " after. For the page's owner or an `intro:admin`.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "One page of the feed",
            content = @Content(schema = @Schema(implementation = ActivityFeedView.class))),
        @ApiResponse(
            responseCode = "400",
            description =
                "Invalid or reserved user id, a cursor this server did not make, or a"
                    + " limit out of range",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "501",
            description = "The server has no activity feed",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
      })
  @ProblemResponses.Authenticated
  @ProblemResponses.OwnerOrAdmin
  @ProblemResponses.UnknownUser
  public ActivityFeedView activity(
      @Context SecurityContext security,
      @Parameter(description = RequestParts.USER_ID_DESCRIPTION, example = "ada")
          @PathParam("userId")
          String userId,
      @Parameter(description = "The `nextCursor` of the page before; the newest page when absent.")
          @QueryParam("cursor")
          @Nullable String cursor,
      @Parameter(
              description = "How many events, 1 to 100.",
              schema =
                  @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
          @QueryParam("limit")
          @Nullable String limit) {
    UserId user = authorizer.authorize(security, Action.READ, userId);
    int size = limit(limit);
    ActivityRepository repository = activity;
    if (repository == null) {
      throw Problems.notImplemented("The activity feed");
    }
    return ActivityFeedView.of(
        ActivityFeed.page(
            repository,
            engine.viewer(user),
            Optional.ofNullable(cursor).filter(c -> !c.isBlank()),
            size));
  }

  private static int limit(@Nullable String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(limit.strip());
    } catch (NumberFormatException e) {
      parsed = -1;
    }
    if (parsed < 1 || parsed > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
    return parsed;
  }
}
