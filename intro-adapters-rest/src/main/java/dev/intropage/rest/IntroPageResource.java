package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPage;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.Invalidation;
import dev.intropage.core.PageRequest;
import dev.intropage.core.SectionHealth;
import dev.intropage.core.SectionResult;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.personalization.PreferenceUpdate;
import dev.intropage.core.personalization.PreferenceWriter;
import dev.intropage.core.personalization.PreferenceWriter.PreferencesOutcome;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.rest.AccessPolicy.Action;
import dev.intropage.rest.Views.ActionBody;
import dev.intropage.rest.Views.ActionItemView;
import dev.intropage.rest.Views.HealthView;
import dev.intropage.rest.Views.InvalidateBody;
import dev.intropage.rest.Views.InvalidatedView;
import dev.intropage.rest.Views.PageView;
import dev.intropage.rest.Views.PreferencesBody;
import dev.intropage.rest.Views.PreferencesView;
import dev.intropage.rest.Views.SectionHealthView;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerRequest;
import org.jspecify.annotations.Nullable;

/**
 * The intro page's HTTP resources under {@code /api/v1/intro-page}: thin, they authorize through
 * the {@link AccessPolicy}, call the engine or a writer, and map the result to HTTP.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively; it is made and registered by
 * {@link IntroPageFeature} alone. Thread-safe: one instance serves every request.
 */
@Path("/api/v1/intro-page")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "intro-page", description = "The signed-in user's intro page and what acts on it.")
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
  static final String PROBLEM = Problem.MEDIA_TYPE;
  static final String IDEMPOTENCY_DESCRIPTION =
      "1 to 255 visible ASCII characters, unique per change: a retry with the same key and request"
          + " gets the first answer, the same key with another request 422.";
  static final String USER_ID_DESCRIPTION =
      "The page's owner: an opaque id of 1 to 128 characters of `[A-Za-z0-9._@:-]`; `metrics` and"
          + " `cache` are reserved.";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  private static final Pattern VERSION_TAG = Pattern.compile("\"([0-9]{1,18})\"");
  private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final IntroPageEngine engine;
  private final AccessPolicy policy;
  private final @Nullable ActionItemWriter actionItems;
  private final @Nullable PreferenceWriter preferences;
  private final @Nullable ActivityRepository activityRepository;
  private final EngineStats stats;
  private final Clock clock;
  private final PageJson json;

  IntroPageResource(
      IntroPageEngine engine,
      AccessPolicy policy,
      @Nullable ActionItemWriter actionItems,
      @Nullable PreferenceWriter preferences,
      @Nullable ActivityRepository activityRepository,
      EngineStats stats,
      Clock clock,
      PageJson json) {
    this.engine = requireNonNull(engine, "engine");
    this.policy = requireNonNull(policy, "policy");
    this.actionItems = actionItems;
    this.preferences = preferences;
    this.activityRepository = activityRepository;
    this.stats = requireNonNull(stats, "stats");
    this.clock = requireNonNull(clock, "clock");
    this.json = requireNonNull(json, "json");
  }

  /** The assembled page, with a validator, timing per section and caching directives. */
  @GET
  @Path("{userId}")
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
                  name = "Server-Timing",
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
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "403",
            description = "The caller is neither the owner nor an `intro:admin`",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "404",
            description = "Unknown user",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "500",
            description = "Internal error; the problem carries an incident id that is also logged",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "503",
            description =
                "A required section has no usable value; the problem names it and its status,"
                    + " with Retry-After",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
      })
  public Response page(
      @Parameter(description = USER_ID_DESCRIPTION, example = "ada") @PathParam("userId")
          String userId,
      @Parameter(
              description =
                  "Comma-separated section names to build, such as `statistics,actions`; all when"
                      + " absent.",
              example = "statistics,actions")
          @QueryParam("sections")
          @Nullable String sections) {
    // No context parameter: resolving one per request was a twentieth of a cached page's time,
    // and the authentication filter has the request at hand.
    ContainerRequest request = AuthenticationFilter.takeRequest();
    UserId user = authorize(request.getSecurityContext(), Action.READ, userId);
    PageRequest pageRequest = PageRequest.of(user);
    if (sections != null) {
      pageRequest = pageRequest.withSections(sectionNames(sections));
    }
    IntroPage page = engine.assemble(pageRequest);
    PageJson.Tagged tagged = json.tagged(page);
    PageView view = tagged.view();
    String validator = tagged.tag();
    Response.ResponseBuilder response =
        request.evaluatePreconditions(new EntityTag(validator, true));
    if (response == null) {
      // The header as text: an EntityTag is turned into text through a provider lookup.
      response =
          Response.ok(json.bytes(view), MediaType.APPLICATION_JSON_TYPE)
              .header(HttpHeaders.ETAG, "W/\"" + validator + '"');
    }
    return response
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
        .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
        .header("Server-Timing", serverTiming(page))
        .build();
  }

  /** The health of every section the engine builds pages from. */
  @GET
  @Path("{userId}/health")
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
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "403",
            description = "The caller is neither the owner nor an `intro:admin`",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "500",
            description = "Internal error; the problem carries an incident id that is also logged",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
      })
  public HealthView health(
      @Context SecurityContext security,
      @Parameter(description = USER_ID_DESCRIPTION, example = "ada") @PathParam("userId")
          String userId) {
    UserId user = authorize(security, Action.READ, userId);
    List<SectionHealthView> sections = new ArrayList<>();
    for (SectionHealth health : engine.health()) {
      sections.add(SectionHealthView.of(health));
    }
    return new HealthView(user.value(), clock.instant(), sections);
  }

  /** Older activity, a page at a time. */
  @GET
  @Path("{userId}/activity")
  @Operation(
      summary = "Older activity, a page at a time",
      description =
          "The user's activity feed, newest first, grouped; follow `nextCursor` for the page"
              + " after. For the page's owner or an `intro:admin`.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "One page of the feed",
            content = @Content(schema = @Schema(implementation = ActivityFeed.class))),
        @ApiResponse(
            responseCode = "400",
            description =
                "Invalid or reserved user id, a cursor this server did not make, or a"
                    + " limit out of range",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "403",
            description = "The caller is neither the owner nor an `intro:admin`",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "404",
            description = "Unknown user",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "500",
            description = "Internal error; the problem carries an incident id that is also logged",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "501",
            description = "The server has no activity feed",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
      })
  public ActivityFeed activity(
      @Context SecurityContext security,
      @Parameter(description = USER_ID_DESCRIPTION, example = "ada") @PathParam("userId")
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
    UserId user = authorize(security, Action.READ, userId);
    int size = limit(limit);
    ActivityRepository repository = activityRepository;
    if (repository == null) {
      throw Problems.notImplemented("The activity feed");
    }
    return ActivityFeed.page(
        repository,
        engine.viewer(user),
        Optional.ofNullable(cursor).filter(c -> !c.isBlank()),
        size);
  }

  /** Operator view of the engine: latencies, statuses, cache and breakers. */
  @GET
  @Path("metrics")
  @Operation(
      summary = "Engine metrics for operators",
      description =
          "Latency percentiles per section and page, section statuses, cache hit ratios and"
              + " circuit breaker states of this instance. For `intro:admin` only.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "`engine` (the statistics) and `breakers` (state per section)",
            content = @Content(schema = @Schema(type = "object"))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "403",
            description = "The caller is not an `intro:admin`",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "500",
            description = "Internal error; the problem carries an incident id that is also logged",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
      })
  public Map<String, Object> metrics(@Context SecurityContext security) {
    operate(security);
    Map<String, String> breakers = new TreeMap<>();
    for (SectionHealth health : engine.health()) {
      breakers.put(health.section(), health.breaker().name());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("engine", stats.snapshot());
    body.put("breakers", breakers);
    return body;
  }

  /** Drops cached values by user, by section, or all, on every instance. */
  @POST
  @Path("cache/invalidate")
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
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "403",
            description = "The caller is not an `intro:admin`",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "413",
            description = "Body over 64 KiB",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "415",
            description = "Content-Type is not application/json",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "500",
            description = "Internal error; the problem carries an incident id that is also logged",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
      })
  public Response invalidate(@Context SecurityContext security, @Nullable InvalidateBody body) {
    operate(security);
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

  /** Updates the owner's preferences under an optimistic version and an idempotency key. */
  @PUT
  @Path("{userId}/preferences")
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
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "403",
            description = "The caller is not the owner",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "412",
            description = "The preferences changed since the If-Match version; nothing changed",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "413",
            description = "Body over 64 KiB",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "415",
            description = "Content-Type is not application/json",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "422",
            description =
                "The update breaks a rule (field errors listed), or the Idempotency-Key was used"
                    + " for a different request",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "428",
            description = "No If-Match",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "500",
            description = "Internal error; the problem carries an incident id that is also logged",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "501",
            description = "The server stores no preferences",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
      })
  public Response preferences(
      @Context SecurityContext security,
      @Parameter(description = USER_ID_DESCRIPTION, example = "ada") @PathParam("userId")
          String userId,
      @Parameter(
              required = true,
              description = "The version last seen, quoted, such as `\"3\"`; 428 without it.",
              example = "\"3\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          @Nullable String ifMatch,
      @Parameter(required = true, description = IDEMPOTENCY_DESCRIPTION, example = "7d1c0f2e")
          @HeaderParam(IDEMPOTENCY_KEY)
          @Nullable String idempotencyKey,
      @Nullable PreferencesBody body) {
    UserId user = authorize(security, Action.WRITE, userId);
    PreferenceWriter writer = preferences;
    if (writer == null) {
      throw Problems.notImplemented("Updating preferences");
    }
    long version = expectedVersion(ifMatch);
    String key = idempotencyKey(idempotencyKey);
    PreferencesBody update = requireBody(body);
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
      case IDEMPOTENCY_KEY_REUSED -> throw keyReused();
    };
  }

  /** Completes, dismisses or snoozes one of the owner's action items. */
  @POST
  @Path("{userId}/actions/{itemId}/{command: complete|dismiss|snooze}")
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
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "403",
            description = "The caller is not the owner",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "404",
            description = "The user has no such item",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "409",
            description = "The item changed since the version sent",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "413",
            description = "Body over 64 KiB",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "415",
            description = "Content-Type is not application/json",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "422",
            description =
                "The item's state refuses the command, or the Idempotency-Key was used for a"
                    + " different request",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "500",
            description = "Internal error; the problem carries an incident id that is also logged",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class))),
        @ApiResponse(
            responseCode = "501",
            description = "The server stores no action items",
            content =
                @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
      })
  public Response act(
      @Context SecurityContext security,
      @Parameter(description = USER_ID_DESCRIPTION, example = "ada") @PathParam("userId")
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
      @Parameter(required = true, description = IDEMPOTENCY_DESCRIPTION, example = "7d1c0f2e")
          @HeaderParam(IDEMPOTENCY_KEY)
          @Nullable String idempotencyKey,
      @Nullable ActionBody body) {
    UserId user = authorize(security, Action.WRITE, userId);
    ActionItemWriter writer = actionItems;
    if (writer == null) {
      throw Problems.notImplemented("Acting on action items");
    }
    String key = idempotencyKey(idempotencyKey);
    ActionBody action = requireBody(body);
    Long version = action.version();
    if (version == null || version < 0) {
      throw ProblemException.invalid("version", "is required: the item's version you last saw");
    }
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
      case IDEMPOTENCY_KEY_REUSED -> throw keyReused();
    };
  }

  private UserId authorize(SecurityContext security, Action action, String userId) {
    Caller caller = caller(security);
    UserId user = UserId.of(userId);
    if (!policy.permits(caller, action, user.value())) {
      throw Problems.forbidden();
    }
    return user;
  }

  private void operate(SecurityContext security) {
    if (!policy.permits(caller(security), Action.OPERATE, "")) {
      throw Problems.forbidden();
    }
  }

  private static Caller caller(SecurityContext security) {
    if (security.getUserPrincipal() instanceof AuthenticationFilter.CallerPrincipal principal) {
      return principal.caller();
    }
    throw Problems.missingToken();
  }

  private Set<String> sectionNames(String sections) {
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

  private static String idempotencyKey(@Nullable String key) {
    if (key == null || !SANE_KEY.matcher(key).matches()) {
      throw ProblemException.invalid(
          IDEMPOTENCY_KEY, "is required: 1 to 255 visible ASCII characters, unique per change");
    }
    return key;
  }

  private static <T> T requireBody(@Nullable T body) {
    if (body == null) {
      throw ProblemException.invalid("body", "is required");
    }
    return body;
  }

  private static ProblemException keyReused() {
    return new ProblemException(
        422,
        "idempotency-key-reused",
        "Idempotency key reused",
        "This Idempotency-Key was used for a different request; use a new key for a new change.",
        List.of(new Problem.FieldProblem(IDEMPOTENCY_KEY, "was used for a different request")),
        Map.of());
  }

  private static String serverTiming(IntroPage page) {
    // Sized for the usual entry, so that the builder does not grow four times on every page.
    StringBuilder header = new StringBuilder(48 * (page.sections().size() + 1));
    for (SectionResult<?> section : page.sections()) {
      header.append(section.key().name()).append(";dur=");
      appendMillis(header, section.elapsed().toNanos())
          .append(";desc=\"")
          .append(section.status().name())
          .append("\", ");
    }
    return appendMillis(header.append("total;dur="), page.elapsed().toNanos()).toString();
  }

  private static StringBuilder appendMillis(StringBuilder text, long nanos) {
    long tenths = (nanos + 50_000) / 100_000;
    return text.append(tenths / 10).append('.').append(tenths % 10);
  }

  /** Milliseconds with one decimal, as {@code %.1f} writes them, without a formatter. */
  static String millis(long nanos) {
    return appendMillis(new StringBuilder(8), nanos).toString();
  }
}
