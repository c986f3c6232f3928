package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.Invalidation;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.Views.InvalidateBody;
import dev.intropage.rest.Views.InvalidatedView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/intro-page/cache/invalidate}: operators drop cached sections by user, by
 * section, or all, on every instance.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Path("/api/v1/intro-page/cache/invalidate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = IntroPageResource.TAG)
@SecurityRequirement(name = IntroPageResource.BEARER)
public final class CacheResource {
  private final IntroPageEngine engine;
  private final Authorizer authorizer;

  CacheResource(IntroPageEngine engine, Authorizer authorizer) {
    this.engine = requireNonNull(engine, "engine");
    this.authorizer = requireNonNull(authorizer, "authorizer");
  }

  /** Drops cached values by user, by section, or all, on every instance. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Drop cached sections",
      description =
          "Drops cached values of one user, one section, both or all (an empty body), on every"
              + " instance. For `intro:admin` only.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "What to drop; `{}` drops everything.",
              content = @Content(schema = @Schema(implementation = InvalidateBody.class))),
      responses = {
        @ApiResponse(
            responseCode = "202",
            description = "Accepted: what was dropped (null means every)",
            content = @Content(schema = @Schema(implementation = InvalidatedView.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Unknown section, invalid user id, or malformed JSON",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
      })
  @ProblemResponses.Authenticated
  @ProblemResponses.AdminOnly
  @ProblemResponses.JsonBody
  public Response invalidate(@Context SecurityContext security, @Nullable InvalidateBody body) {
    authorizer.operate(security);
    Optional<UserId> user =
        Optional.ofNullable(body == null ? null : body.userId()).map(UserId::of);
    Optional<String> section = Optional.ofNullable(body == null ? null : body.section());
    if (section.isPresent() && !engine.sections().contains(section.get())) {
      throw ProblemException.invalid(
          "section", "unknown section '" + section.get() + "'; known: " + engine.sections());
    }
    engine.invalidate(new Invalidation(user, section));
    return Response.accepted(
            new InvalidatedView(user.map(UserId::value).orElse(null), section.orElse(null)))
        .build();
  }
}
