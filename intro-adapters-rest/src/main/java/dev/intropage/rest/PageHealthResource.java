package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.SectionHealth;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.AccessPolicy.Action;
import dev.intropage.rest.Views.HealthView;
import dev.intropage.rest.Views.SectionHealthView;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/intro-page/{userId}/health}: the health of every section the engine builds
 * pages from, for the page's owner or an operator.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Path("/api/v1/intro-page/{userId}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = IntroPageResource.TAG)
@SecurityRequirement(name = IntroPageResource.BEARER)
public final class PageHealthResource {
  private final IntroPageEngine engine;
  private final Authorizer authorizer;
  private final Clock clock;

  PageHealthResource(IntroPageEngine engine, Authorizer authorizer, Clock clock) {
    this.engine = requireNonNull(engine, "engine");
    this.authorizer = requireNonNull(authorizer, "authorizer");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The health of every section the engine builds pages from. */
  @GET
  @Operation(
      summary = "Section health for the user's page",
      description =
          "Every section the engine builds pages from: criticality, circuit breaker state, last"
              + " success and failure. For the page's owner or an `intro:admin`.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The sections' health",
            content = @Content(schema = @Schema(implementation = HealthView.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Invalid or reserved user id",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
      })
  @ProblemResponses.Authenticated
  @ProblemResponses.OwnerOrAdmin
  public HealthView health(
      @Context SecurityContext security,
      @Parameter(description = RequestParts.USER_ID_DESCRIPTION, example = "ada")
          @PathParam("userId")
          String userId) {
    UserId user = authorizer.authorize(security, Action.READ, userId);
    List<SectionHealthView> sections = new ArrayList<>();
    for (SectionHealth health : engine.health()) {
      sections.add(SectionHealthView.of(health));
    }
    return new HealthView(user.value(), clock.instant(), sections);
  }
}
