package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.Invalidation;
import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.personalization.PreferenceUpdate;
import dev.intropage.core.personalization.PreferenceWriter;
import dev.intropage.core.personalization.PreferenceWriter.PreferencesOutcome;
import dev.intropage.rest.AccessPolicy.Action;
import dev.intropage.rest.Views.PreferencesBody;
import dev.intropage.rest.Views.PreferencesView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/intro-page/{userId}/preferences}: the owner updates their preferences under an
 * optimistic version and an idempotency key; the rules are the writer's.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Path("/api/v1/intro-page/{userId}/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = IntroPageResource.TAG)
@SecurityRequirement(name = IntroPageResource.BEARER)
public final class PreferencesResource {
  private static final Pattern VERSION_TAG = Pattern.compile("\"([0-9]{1,18})\"");

  private final IntroPageEngine engine;
  private final Authorizer authorizer;
  private final @Nullable PreferenceWriter preferences;

  PreferencesResource(
      IntroPageEngine engine, Authorizer authorizer, @Nullable PreferenceWriter preferences) {
    this.engine = requireNonNull(engine, "engine");
    this.authorizer = requireNonNull(authorizer, "authorizer");
    this.preferences = preferences;
  }

  /** Updates the owner's preferences under an optimistic version and an idempotency key. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Update the user's preferences",
      description =
          "Replaces each preference present in the body and leaves the others. For the page's"
              + " owner only. Optimistic: If-Match names the version last seen (the ETag of the"
              + " last update); an Idempotency-Key makes a retry safe.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description = "The preferences to change.",
              content = @Content(schema = @Schema(implementation = PreferencesBody.class))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Stored; the ETag is the new version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The new version, quoted"),
            content = @Content(schema = @Schema(implementation = PreferencesView.class))),
        @ApiResponse(
            responseCode = "400",
            description =
                "Invalid user id, malformed If-Match, missing or malformed Idempotency-Key, missing"
                    + " body, unknown field or malformed JSON",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "412",
            description = "The preferences changed since the If-Match version; nothing changed",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "422",
            description =
                "The update breaks a rule (field errors listed), or the Idempotency-Key was used"
                    + " for a different request",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "428",
            description = "No If-Match",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "501",
            description = "The server stores no preferences",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
      })
  @ProblemResponses.Authenticated
  @ProblemResponses.OwnerOnly
  @ProblemResponses.JsonBody
  public Response preferences(
      @Context SecurityContext security,
      @Parameter(description = RequestParts.USER_ID_DESCRIPTION, example = "ada")
          @PathParam("userId")
          String userId,
      @Parameter(
              required = true,
              description = "The version last seen, quoted, such as `\"3\"`; 428 without it.",
              example = "\"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          @Nullable String ifMatch,
      @Parameter(
              required = true,
              description = RequestParts.IDEMPOTENCY_DESCRIPTION,
              example = "7d1c0f2e")
          @HeaderParam(RequestParts.IDEMPOTENCY_KEY)
          @Nullable String idempotencyKey,
      @Nullable PreferencesBody body) {
    UserId user = authorizer.authorize(security, Action.WRITE, userId);
    PreferenceWriter writer = preferences;
    if (writer == null) {
      throw Problems.notImplemented("Updating preferences");
    }
    long version = expectedVersion(ifMatch);
    String key = RequestParts.idempotencyKey(idempotencyKey);
    PreferencesBody update = RequestParts.requireBody(body);
    PreferencesOutcome outcome =
        writer.update(
            user,
            new PreferenceUpdate(
                Optional.ofNullable(update.theme()),
                Optional.ofNullable(update.density()),
                Optional.ofNullable(update.sectionOrder()),
                Optional.ofNullable(update.hiddenSections()),
                Optional.ofNullable(update.zone()),
                Optional.ofNullable(update.locale())),
            version,
            key,
            Set.copyOf(engine.sections()),
            engine.requiredSections());
    return switch (outcome.kind()) {
      case APPLIED -> {
        var stored = outcome.preferences().orElseThrow();
        engine.invalidate(Invalidation.userSection(user, Personalization.KEY));
        yield Response.ok(PreferencesView.of(stored))
            .tag(new EntityTag(Long.toString(stored.version())))
            .build();
      }
      case INVALID ->
          throw new ProblemException(
              422,
              "validation",
              "Invalid preferences",
              "The update breaks " + outcome.errors().size() + " rule(s); nothing changed.",
              outcome.errors().stream()
                  .map(e -> new Problem.FieldProblem(e.field(), e.reason()))
                  .toList(),
              Map.of());
      case VERSION_CONFLICT ->
          throw new ProblemException(
              412,
              "precondition-failed",
              "Precondition failed",
              "The preferences changed since version "
                  + version
                  + "; reload the page and try again.");
      case IDEMPOTENCY_KEY_REUSED -> throw RequestParts.keyReused();
    };
  }

  private static long expectedVersion(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          428,
          "precondition-required",
          "Precondition required",
          "Send If-Match with the version of the preferences you last saw, such as \"3\".",
          List.of(new Problem.FieldProblem(HttpHeaders.IF_MATCH, "is required")),
          Map.of());
    }
    var matcher = VERSION_TAG.matcher(ifMatch.strip());
    if (!matcher.matches()) {
      throw ProblemException.invalid(
          HttpHeaders.IF_MATCH, "must be one quoted version number, such as \"3\"");
    }
    return Long.parseLong(matcher.group(1));
  }
}
