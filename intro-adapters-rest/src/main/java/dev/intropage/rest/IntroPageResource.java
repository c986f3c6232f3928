package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.PageRequest;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.AccessPolicy.Action;
import dev.intropage.rest.Views.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/intro-page/{userId}}: the assembled page, for its owner or an operator. The
 * page goes out as a {@link PageJson.Tagged} entity, which {@link PageWriter} writes and {@link
 * PageHeadersFilter} gives its validator, caching directives and timing. This class also declares
 * the API's bearer scheme and tag, which the other resources under {@code api/} name.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; made by {@link
 * IntroPageFeature}. Thread-safe.
 */
@Path("/api/v1/intro-page/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = IntroPageResource.TAG,
    description = "The signed-in user's intro page and what acts on it.")
@SecurityScheme(
    name = IntroPageResource.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "A JWT from the host's auth system: `sub` is the user id, `roles` a list that may hold"
            + " `intro:admin`.")
@SecurityRequirement(name = IntroPageResource.BEARER)
public final class IntroPageResource {
  static final String BEARER = "bearer";
  static final String TAG = "intro-page";

  private final IntroPageEngine engine;
  private final Authorizer authorizer;
  private final PageTagger tagger;

  IntroPageResource(IntroPageEngine engine, Authorizer authorizer, PageTagger tagger) {
    this.engine = requireNonNull(engine, "engine");
    this.authorizer = requireNonNull(authorizer, "authorizer");
    this.tagger = requireNonNull(tagger, "tagger");
  }

  /** The assembled page, with a validator, timing per section and caching directives. */
  @GET
  @PageHeaders
  @Operation(
      summary = "The user's intro page",
      description =
          "Assembles the page: every section with its status, source, age and elapsed time. For"
              + " the page's owner or an `intro:admin`. A weak ETag covers the content, so a"
              + " client that sends it back in If-None-Match gets 304 while nothing changed; the"
              + " Server-Timing header names every section's status and time; gzip on request.",
      parameters =
          @Parameter(
              name = HttpHeaders.IF_NONE_MATCH,
              in = ParameterIn.HEADER,
              description = "The ETag of a page the client holds; 304 while it still matches.",
              schema = @Schema(type = "string")),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The page",
            headers = {
              @Header(name = HttpHeaders.ETAG, description = "Weak validator of the content"),
              @Header(
                  name = PageHeadersFilter.SERVER_TIMING,
                  description = "Each section's time and status, and the total"),
              @Header(name = HttpHeaders.CACHE_CONTROL, description = "`private, no-cache`")
            },
            content = @Content(schema = @Schema(implementation = PageView.class))),
        @ApiResponse(
            responseCode = "304",
            description = "Not modified: If-None-Match matches the page's ETag"),
        @ApiResponse(
            responseCode = "400",
            description = "Invalid or reserved user id, or an unknown or empty `sections` filter",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "503",
            description =
                "A required section has no usable value; the problem names it and its status,"
                    + " with Retry-After",
            content =
                @Content(
                    mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
      })
  @ProblemResponses.Authenticated
  @ProblemResponses.OwnerOrAdmin
  @ProblemResponses.UnknownUser
  public Response page(
      @Context SecurityContext security,
      @Parameter(description = RequestParts.USER_ID_DESCRIPTION, example = "ada")
          @PathParam("userId")
          String userId,
      @Parameter(
              description =
                  "Comma-separated section names to build, such as `statistics,actions`; all when"
                      + " absent.",
              example = "statistics,actions")
          @QueryParam("sections")
          @Nullable String sections) {
    UserId user = authorizer.authorize(security, Action.READ, userId);
    PageRequest request = PageRequest.of(user);
    if (sections != null) {
      request = request.withSections(sectionNames(sections));
    }
    return Response.ok(tagger.tagged(engine.assemble(request))).build();
  }

  private static Set<String> sectionNames(String sections) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : sections.split(",", -1)) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    if (names.isEmpty()) {
      throw ProblemException.invalid("sections", "name at least one section");
    }
    return names;
  }
}
