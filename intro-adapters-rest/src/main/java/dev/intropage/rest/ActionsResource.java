package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.Invalidation;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.model.UserId;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.rest.AccessPolicy.Action;
import dev.intropage.rest.Views.ActionBody;
import dev.intropage.rest.Views.ActionItemView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/intro-page/{userId}/actions/{itemId}/{complete,dismiss,snooze}}: the owner
 * changes one of their action items; the state rules are the writer's.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Path("/api/v1/intro-page/{userId}/actions/{itemId}/{command: complete|dismiss|snooze}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = IntroPageResource.TAG)
@SecurityRequirement(name = IntroPageResource.BEARER)
public final class ActionsResource {
  private final IntroPageEngine engine;
  private final Authorizer authorizer;
  private final @Nullable ActionItemWriter actionItems;

  ActionsResource(
      IntroPageEngine engine, Authorizer authorizer, @Nullable ActionItemWriter actionItems) {
    this.engine = requireNonNull(engine, "engine");
    this.authorizer = requireNonNull(authorizer, "authorizer");
    this.actionItems = actionItems;
  }

  /** Completes, dismisses or snoozes one of the owner's action items. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Complete, dismiss or snooze an action item",
      description =
          "Changes one of the owner's action items under the version last seen. For the page's"
              + " owner only. `until` is required to snooze and refused otherwise; an"
              + " Idempotency-Key makes a retry safe.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description = "The item's version last seen, and for snooze when it shows again.",
              content = @Content(schema = @Schema(implementation = ActionBody.class))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Done: the item as it is now",
            content = @Content(schema = @Schema(implementation = ActionItemView.class))),
        @ApiResponse(
            responseCode = "400",
            description =
                "Invalid user id, missing version, `until` missing for snooze or given otherwise,"
                    + " missing or malformed Idempotency-Key, missing body or malformed JSON",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "404",
            description = "The user has no such item",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "409",
            description = "The item changed since the version sent",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "422",
            description =
                "The item's state refuses the command, or the Idempotency-Key was used for a"
                    + " different request",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "501",
            description = "The server stores no action items",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
      })
  @ProblemResponses.Authenticated
  @ProblemResponses.OwnerOnly
  @ProblemResponses.JsonBody
  public Response act(
      @Context SecurityContext security,
      @Parameter(description = RequestParts.USER_ID_DESCRIPTION, example = "ada")
          @PathParam("userId")
          String userId,
      @Parameter(description = "The action item's id.") @PathParam("itemId") String itemId,
      @Parameter(
              description = "What to do with the item.",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"complete", "dismiss", "snooze"}))
          @PathParam("command")
          String command,
      @Parameter(
              required = true,
              description = RequestParts.IDEMPOTENCY_DESCRIPTION,
              example = "7d1c0f2e")
          @HeaderParam(RequestParts.IDEMPOTENCY_KEY)
          @Nullable String idempotencyKey,
      @Nullable ActionBody body) {
    UserId user = authorizer.authorize(security, Action.WRITE, userId);
    ActionItemWriter writer = actionItems;
    if (writer == null) {
      throw Problems.notImplemented("Acting on action items");
    }
    String key = RequestParts.idempotencyKey(idempotencyKey);
    ActionBody action = RequestParts.requireBody(body);
    Long version = action.version();
    if (version == null || version < 0) {
      throw ProblemException.invalid("version", "is required: the item's version you last saw");
    }
    ActionCommand parsed = command(command, action);
    ActionOutcome outcome = writer.act(user, itemId, parsed, version, key);
    return switch (outcome.kind()) {
      case APPLIED -> {
        engine.invalidate(Invalidation.userSection(user, ActionItemsView.KEY));
        engine.invalidate(Invalidation.userSection(user, UserStatistics.KEY));
        yield Response.ok(ActionItemView.of(outcome.item().orElseThrow())).build();
      }
      case NOT_FOUND ->
          throw new ProblemException(404, "not-found", "Not found", outcome.message());
      case REJECTED -> {
        RejectionReason reason = outcome.reason().orElseThrow();
        throw reason == RejectionReason.VERSION_CONFLICT
            ? new ProblemException(409, "conflict", "Conflict", outcome.message())
            : new ProblemException(
                422,
                "rejected",
                "Action rejected",
                outcome.message(),
                List.of(
                    new Problem.FieldProblem(
                        command, reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))),
                Map.of());
      }
      case IDEMPOTENCY_KEY_REUSED -> throw RequestParts.keyReused();
    };
  }

  /** The command the path names, with the body's {@code until} only for snooze. */
  private static ActionCommand command(String command, ActionBody action) {
    ActionCommand parsed =
        switch (command) {
          case "snooze" -> {
            if (action.until() == null) {
              throw ProblemException.invalid("until", "is required to snooze");
            }
            yield new ActionCommand.Snooze(action.until());
          }
          case "complete" -> new ActionCommand.Complete();
          default -> new ActionCommand.Dismiss();
        };
    if (!(parsed instanceof ActionCommand.Snooze) && action.until() != null) {
      throw ProblemException.invalid("until", "is only for snooze");
    }
    return parsed;
  }
}
