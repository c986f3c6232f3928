package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.InvalidationBus;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.personalization.PreferenceWriter;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.glassfish.jersey.message.GZipEncoder;
import org.glassfish.jersey.server.filter.EncodingFilter;
import org.jspecify.annotations.Nullable;

/**
 * The whole REST adapter as one JAX-RS feature: register it in the host's Jersey application and
 * the intro page's endpoints, their security, JSON, problem details, request ids, body limit and
 * gzip come with it, and unless {@link Builder#openApi(boolean) turned off} the OpenAPI document
 * ({@code /openapi.json}, {@code /openapi.yaml}) and Swagger UI ({@code /docs}). Everything is
 * registered as an instance or a plain provider class; nothing is scanned.
 *
 * {@snippet :
 * IntroPageFeature.Builder rest = IntroPageFeature.builder();
 * IntroPageEngine engine = IntroPageEngine.builder()
 *     .listener(rest.stats())               // feeds GET /api/v1/intro-page/metrics
 *     .users(users)
 *     .build();
 * ResourceConfig app = new ResourceConfig()
 *     .register(rest.engine(engine).verifier(jwtVerifier).preferences(writer).build());
 * }
 *
 * <p>Application-wide effects a host should know: the feature's exception mapper answers every
 * unmapped exception of the application with {@code application/problem+json}, and gzip (Jersey's
 * {@link EncodingFilter}) applies to every response whose client sends {@code Accept-Encoding:
 * gzip}.
 *
 * <p>With an {@linkplain Builder#invalidationBus invalidation bus}, the feature also serves the
 * owner's page as server-sent events ({@code GET /api/v1/intro-page/{userId}/events}, described in
 * {@code docs/events.md}). Those streams stay open until the client leaves or the host {@linkplain
 * #close() closes} the feature, which it should do before it stops the HTTP server:
 *
 * {@snippet :
 * feature.close();   // every stream gets "event: shutdown" and ends
 * server.stop();
 * }
 *
 * <p>Immutable and thread-safe once built.
 */
public final class IntroPageFeature implements Feature, AutoCloseable {
  private final List<Object> resources;
  private final PageWriter pageWriter;
  private final EventStreams events;
  private final TokenVerifier verifier;
  private final ObjectMapper mapper;
  private final boolean openApi;

  private IntroPageFeature(Builder builder) {
    this.mapper = Json.mapper();
    PageJson json = new PageJson(mapper);
    this.verifier = requireNonNull(builder.verifier);
    IntroPageEngine engine = requireNonNull(builder.engine);
    Authorizer authorizer = new Authorizer(new AccessPolicy());
    this.resources =
        List.of(
            new IntroPageResource(engine, authorizer, json.tagger()),
            new PageHealthResource(engine, authorizer, builder.clock),
            new ActivityResource(engine, authorizer, builder.activity),
            new MetricsResource(engine, authorizer, requireNonNull(builder.stats)),
            new CacheResource(engine, authorizer),
            new PreferencesResource(engine, authorizer, builder.preferences),
            new ActionsResource(engine, authorizer, builder.actionItems),
            new HealthResource(builder.readiness));
    this.pageWriter = json.writer();
    this.events =
        new EventStreams(
            requireNonNull(builder.engine),
            builder.invalidationBus,
            builder.eventsHeartbeat,
            builder.maxEventStreamsPerUser,
            json);
    this.openApi = builder.openApi;
  }

  /** The version in the jar's manifest, or {@code dev} when run from classes. */
  static String version() {
    String version = IntroPageFeature.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Returns a builder for the feature. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(new RequestIdFilter());
    context.register(new RequestIdFilter.Echo());
    context.register(new AuthenticationFilter(verifier));
    context.register(new SecurityContextParamProvider());
    context.register(new BodyLimitFilter());
    context.register(new JsonProvider(mapper));
    context.register(new ProblemMapper());
    context.register(EncodingFilter.class);
    context.register(GZipEncoder.class);
    context.register(pageWriter);
    context.register(new PageHeadersFilter());
    context.register(new SecurityHeadersFilter());
    context.register(new Uncompressed.Filter());
    resources.forEach(context::register);
    context.register(new EventsResource(events, new AccessPolicy()));
    if (openApi) {
      context.register(new OpenApiResource(version()));
      context.register(new SwaggerUiResource());
    }
    return true;
  }

  /**
   * Sends every open event stream a {@code shutdown} event, closes them and stops the threads that
   * serve them, waiting about two seconds at most; event streams opened afterwards are refused with
   * 503. Call it before stopping the HTTP server. The other endpoints are not affected. Closing
   * twice does nothing.
   */
  @Override
  public void close() {
    events.close();
  }

  /** Returns how many event streams the user has open (for tests). */
  int openEventStreams(String userId) {
    return events.openStreams(userId);
  }

  /**
   * Builds an {@link IntroPageFeature}. Not thread-safe. The engine and the verifier are required;
   * without an action item writer or a preference writer those endpoints answer 501.
   */
  public static final class Builder {
    private @Nullable IntroPageEngine engine;
    private @Nullable TokenVerifier verifier;
    private @Nullable ActionItemWriter actionItems;
    private @Nullable PreferenceWriter preferences;
    private @Nullable ActivityRepository activity;
    private BooleanSupplier readiness = () -> true;
    private Clock clock = Clock.systemUTC();
    private @Nullable EngineStats stats;
    private @Nullable InvalidationBus invalidationBus;
    private Duration eventsHeartbeat = Duration.ofSeconds(15);
    private int maxEventStreamsPerUser = 3;
    private boolean openApi = true;

    private Builder() {}

    /** Sets the engine the endpoints serve. */
    public Builder engine(IntroPageEngine engine) {
      this.engine = requireNonNull(engine, "engine");
      return this;
    }

    /** Sets what checks bearer tokens. */
    public Builder verifier(TokenVerifier verifier) {
      this.verifier = requireNonNull(verifier, "verifier");
      return this;
    }

    /** Sets where completing, dismissing and snoozing action items is stored. */
    public Builder actionItems(ActionItemWriter actionItems) {
      this.actionItems = requireNonNull(actionItems, "actionItems");
      return this;
    }

    /** Sets where preference updates are stored. */
    public Builder preferences(PreferenceWriter preferences) {
      this.preferences = requireNonNull(preferences, "preferences");
      return this;
    }

    /** Sets where older activity is paged from; without it the activity endpoint answers 501. */
    public Builder activity(ActivityRepository activity) {
      this.activity = requireNonNull(activity, "activity");
      return this;
    }

    /** Sets the check behind {@code /health/ready} (always ready by default). */
    public Builder readiness(BooleanSupplier readiness) {
      this.readiness = requireNonNull(readiness, "readiness");
      return this;
    }

    /**
     * Sets whether the feature serves its API documentation, open to anyone: the OpenAPI 3.1
     * document at {@code GET /openapi.json} and {@code GET /openapi.yaml}, read from the
     * annotations of every root resource registered in the application (the host's too), and
     * Swagger UI at {@code GET /docs}. On by default; a host that documents its API elsewhere turns
     * it off.
     */
    public Builder openApi(boolean openApi) {
      this.openApi = openApi;
      return this;
    }

    /**
     * Sets the clock of the adapter's own timestamps (health and metrics); the system UTC clock by
     * default. Set it before {@link #stats()} is first called, which reads it.
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the bus whose invalidations the event streams follow: the engine's own bus, which
     * carries this engine's invalidations and, across instances, the others'. Without it the event
     * stream answers 501.
     */
    public Builder invalidationBus(InvalidationBus invalidationBus) {
      this.invalidationBus = requireNonNull(invalidationBus, "invalidationBus");
      return this;
    }

    /**
     * Sets how often an idle event stream gets a heartbeat comment, which also finds clients that
     * went away; 15 seconds by default.
     *
     * @throws IllegalArgumentException if the interval is not positive
     */
    public Builder eventsHeartbeat(Duration eventsHeartbeat) {
      requireNonNull(eventsHeartbeat, "eventsHeartbeat");
      if (eventsHeartbeat.isNegative() || eventsHeartbeat.isZero()) {
        throw new IllegalArgumentException("eventsHeartbeat must be positive: " + eventsHeartbeat);
      }
      this.eventsHeartbeat = eventsHeartbeat;
      return this;
    }

    /**
     * Sets how many event streams one user may have open at once (each tab holds one); 3 by
     * default. One more is answered 429.
     *
     * @throws IllegalArgumentException if the number is less than 1
     */
    public Builder maxEventStreamsPerUser(int maxEventStreamsPerUser) {
      if (maxEventStreamsPerUser < 1) {
        throw new IllegalArgumentException(
            "maxEventStreamsPerUser must be at least 1: " + maxEventStreamsPerUser);
      }
      this.maxEventStreamsPerUser = maxEventStreamsPerUser;
      return this;
    }

    /**
     * Returns the statistics the metrics endpoint serves, the same object on every call: register
     * it as the engine's listener before building the engine.
     */
    public EngineStats stats() {
      EngineStats current = stats;
      if (current == null) {
        current = new EngineStats(clock);
        stats = current;
      }
      return current;
    }

    /**
     * Returns the feature.
     *
     * @throws IllegalStateException if the engine or the verifier is not set
     */
    public IntroPageFeature build() {
      if (engine == null) {
        throw new IllegalStateException("set the engine before build()");
      }
      if (verifier == null) {
        throw new IllegalStateException("set the verifier before build()");
      }
      stats();
      return new IntroPageFeature(this);
    }
  }
}
