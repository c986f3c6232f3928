package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.Invalidation;
import dev.intropage.core.InvalidationBus;
import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionPolicy;
import dev.intropage.core.SectionPolicy.CacheScope;
import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.personalization.PreferenceWriter;
import dev.intropage.core.personalization.PreferenceWriter.PreferencesOutcome;
import dev.intropage.core.personalization.Preferences;
import dev.intropage.core.personalization.Preferences.Theme;
import dev.intropage.core.sections.IntroSections;
import dev.intropage.core.statistics.DailyStatsRepository;
import dev.intropage.core.statistics.DailyStatsRepository.DailyCount;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.system.SystemOverview;
import dev.intropage.core.system.SystemSnapshot;
import dev.intropage.core.system.SystemSnapshot.ComponentState;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.NetworkConnector;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server with only {@link IntroPageFeature} registered, over an engine fed by in-memory
 * ports (users ada, grace and stormy, whose required "quote" section always fails), a fixed clock,
 * fake writers whose next outcome a test sets, and a verifier that knows a few fixed tokens.
 */
final class TestApp implements AutoCloseable {
  static final Instant NOW = Instant.parse("2025-03-14T09:30:00Z");
  static final String ADA = "t-ada";
  static final String GRACE = "t-grace";
  static final String ADMIN = "t-admin";
  static final String STORMY = "t-stormy";
  static final String INVALID = "t-forged";
  static final String BASE = "/api/v1/intro-page";

  /** A custom section that is required: no page without it. */
  record Quote(String text) {}

  static final SectionKey<Quote> QUOTE = SectionKey.of("quote", Quote.class);

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final ObjectMapper json = new ObjectMapper();
  final AtomicReference<PreferencesOutcome> nextPreferences = new AtomicReference<>();
  final AtomicReference<ActionOutcome> nextAction = new AtomicReference<>();
  final List<String> writes = new ArrayList<>();

  /** Action items the port returns besides the two fixed ones, for tests that change the data. */
  final List<ActionItem> extraItems = new CopyOnWriteArrayList<>();

  final InvalidationBus bus;
  final IntroPageEngine engine;
  final IntroPageFeature.Builder rest;
  final IntroPageFeature feature;
  private final @Nullable HttpServer server;
  private final org.eclipse.jetty.server.@Nullable Server jetty;
  private final HttpClient client = HttpClient.newHttpClient();
  final URI base;

  TestApp(boolean writers) {
    this(writers, () -> true);
  }

  TestApp(boolean writers, java.util.function.BooleanSupplier readiness) {
    this(writers, readiness, InvalidationBus.inProcess(), rest -> {}, false);
  }

  /**
   * Starts the app on Jetty, whose container can hold server-sent event streams open (the JDK
   * server's cannot), over an engine on the bus, with the feature's options set by the test.
   */
  static TestApp onJetty(InvalidationBus bus, Consumer<IntroPageFeature.Builder> options) {
    return new TestApp(true, () -> true, bus, options, true);
  }

  TestApp(boolean writers, java.util.function.BooleanSupplier readiness, boolean openApi) {
    this(writers, readiness, InvalidationBus.inProcess(), rest -> rest.openApi(openApi), false);
  }

  private TestApp(
      boolean writers,
      java.util.function.BooleanSupplier readiness,
      InvalidationBus bus,
      Consumer<IntroPageFeature.Builder> options,
      boolean onJetty) {
    this.bus = bus;
    rest = IntroPageFeature.builder().clock(clock);
    engine = engine(rest.stats());
    nextPreferences.set(PreferencesOutcome.applied(preferences(2)));
    nextAction.set(ActionOutcome.applied(item("a-1", 1)));
    rest.engine(engine)
        .verifier(TestApp::verify)
        .readiness(readiness)
        .activity(activityRepository());
    if (writers) {
      rest.preferences(preferenceWriter()).actionItems(actionWriter());
    }
    options.accept(rest);
    feature = rest.build();
    ResourceConfig config = new ResourceConfig().register(feature);
    if (onJetty) {
      server = null;
      jetty = JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), config);
      int port = ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort();
      base = URI.create("http://127.0.0.1:" + port);
    } else {
      jetty = null;
      HttpServer jdk =
          JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
      server = jdk;
      base = URI.create("http://127.0.0.1:" + jdk.getAddress().getPort());
    }
  }

  static Caller verify(String token) {
    return switch (token) {
      case ADA -> new Caller("ada", Set.of());
      case GRACE -> new Caller("grace", Set.of("intro:reader"));
      case STORMY -> new Caller("stormy", Set.of());
      case ADMIN -> new Caller("ops", Set.of(Caller.ADMIN));
      default -> throw new InvalidTokenException("signature does not verify");
    };
  }

  /** The activity of the fixed data set, as the repository port pages it. */
  ActivityRepository activityRepository() {
    return (user, teams, before, limit) ->
        activity().stream()
            .filter(e -> e.actor().equals(user) || e.team().filter(teams::contains).isPresent())
            .filter(e -> before.map(cursor -> cursor.precedes(e)).orElse(true))
            .sorted(ActivityEvent.NEWEST_FIRST)
            .limit(limit)
            .toList();
  }

  private IntroPageEngine engine(EngineStats stats) {
    Map<UserId, UserProfile> users =
        Map.of(
            UserId.of("ada"),
            new UserProfile(
                UserId.of("ada"),
                "Ada Lovelace",
                ZoneId.of("Europe/London"),
                Locale.UK,
                Set.of("engines"),
                Optional.of(NOW.minus(Duration.ofHours(14)))),
            UserId.of("grace"),
            new UserProfile(
                UserId.of("grace"),
                "Grace Hopper",
                ZoneId.of("America/New_York"),
                Locale.US,
                Set.of("compilers"),
                Optional.empty()),
            UserId.of("stormy"),
            UserProfile.anonymous(UserId.of("stormy")));
    SectionPolicy patient = SectionPolicy.builder().timeout(Duration.ofSeconds(5)).build();
    IntroPageEngine.Builder builder =
        IntroPageEngine.builder()
            .clock(clock)
            .listener(stats)
            .pageDeadline(Duration.ofSeconds(10))
            .viewers(id -> Optional.ofNullable(users.get(id)))
            .invalidationBus(bus);
    return IntroSections.register(
            builder,
            id -> Optional.empty(),
            stats(),
            (owner, limit) -> {
              List<ActionItem> items = new ArrayList<>(openItems(owner));
              extraItems.stream().filter(item -> item.owner().equals(owner)).forEach(items::add);
              return items;
            },
            activityRepository(),
            at ->
                new SystemSnapshot(
                    List.of(new ComponentStatus("database", ComponentState.UP, "in memory", true)),
                    3,
                    "test",
                    Optional.of("V7"),
                    List.of()))
        .section(
            QUOTE,
            context -> {
              if (context.viewer().id().value().equals("stormy")) {
                throw new IOException("quote service down");
              }
              return new Quote("The Analytical Engine weaves algebraic patterns.");
            },
            SectionPolicy.builder()
                .timeout(Duration.ofSeconds(5))
                .criticality(Criticality.REQUIRED)
                .cacheTtl(Duration.ZERO)
                .maxStale(Duration.ZERO)
                .staleWhileRevalidate(Duration.ZERO)
                .build())
        .policy(Personalization.KEY, patient)
        .policy(UserStatistics.KEY, patient)
        .policy(ActionItemsView.KEY, patient)
        .policy(ActivityFeed.KEY, patient)
        .policy(SystemOverview.KEY, patient.toBuilder().scope(CacheScope.GLOBAL).build())
        .build();
  }

  private static DailyStatsRepository stats() {
    return new DailyStatsRepository() {
      @Override
      public List<DailyCount> daily(UserId user, LocalDate from, LocalDate to) {
        List<DailyCount> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
          int events = (int) (day.toEpochDay() % 4);
          days.add(new DailyCount(day, events, events / 2));
        }
        return days;
      }

      @Override
      public long openActions(UserId user) {
        return 2;
      }
    };
  }

  private static List<ActionItem> openItems(UserId owner) {
    return List.of(
        new ActionItem(
            "a-1",
            owner,
            "Review the quarterly numbers",
            Priority.HIGH,
            Optional.of(NOW.minus(Duration.ofHours(3))),
            ActionState.OPEN,
            Optional.empty(),
            NOW.minus(Duration.ofDays(7)),
            0),
        new ActionItem(
            "a-2",
            owner,
            "Update the engine diagrams",
            Priority.LOW,
            Optional.empty(),
            ActionState.OPEN,
            Optional.empty(),
            NOW.minus(Duration.ofDays(2)),
            3));
  }

  private static List<ActivityEvent> activity() {
    List<ActivityEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(
          new ActivityEvent(
              "e-" + (100 + i),
              UserId.of(i % 3 == 0 ? "ada" : "grace"),
              Optional.of("engines"),
              i % 2 == 0 ? "comment" : "commit",
              "Note G",
              NOW.minus(Duration.ofMinutes(30L * i + 5))));
    }
    return events;
  }

  static Preferences preferences(long version) {
    return new Preferences(
        UserId.of("ada"),
        Optional.of(Theme.DARK),
        Optional.empty(),
        List.of("actions"),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        version);
  }

  static ActionItem item(String id, long version) {
    return new ActionItem(
        id,
        UserId.of("ada"),
        "Review the quarterly numbers",
        Priority.HIGH,
        Optional.empty(),
        ActionState.COMPLETED,
        Optional.empty(),
        NOW.minus(Duration.ofDays(7)),
        version);
  }

  private PreferenceWriter preferenceWriter() {
    return (user, update, expectedVersion, key, known, required) -> {
      synchronized (writes) {
        writes.add("preferences " + user + " v" + expectedVersion + " " + key + " " + update);
      }
      return nextPreferences.get();
    };
  }

  private ActionItemWriter actionWriter() {
    return (owner, itemId, command, expectedVersion, key) -> {
      if (itemId.equals("boom")) {
        throw new IllegalStateException("secret connection string jdbc:postgresql://db/prod");
      }
      synchronized (writes) {
        writes.add("action " + owner + " " + itemId + " " + command + " v" + expectedVersion);
      }
      return nextAction.get();
    };
  }

  /** Drops every cached value so that the next page is loaded fresh. */
  void reset() {
    engine.invalidate(Invalidation.all());
    synchronized (writes) {
      writes.clear();
    }
  }

  HttpResponse<byte[]> send(
      String method, String path, @Nullable String token, @Nullable String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> get(String path, @Nullable String token, String... headers)
      throws IOException, InterruptedException {
    return send("GET", path, token, null, headers);
  }

  JsonNode body(HttpResponse<byte[]> response) throws IOException {
    return json.readTree(response.body());
  }

  /** Asserts the response is a problem detail of the status and returns its body. */
  JsonNode problem(HttpResponse<byte[]> response, int status) throws IOException {
    assertThat(response.statusCode())
        .as(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = body(response);
    assertThat(problem.path("type").asText()).startsWith("https://intropage.dev/problems/");
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(problem.path("instance").asText()).isEqualTo(response.request().uri().getRawPath());
    return problem;
  }

  @Override
  public void close() {
    feature.close();
    if (server != null) {
      server.stop(0);
    }
    if (jetty != null) {
      try {
        jetty.stop();
      } catch (Exception e) {
        throw new IllegalStateException("Jetty did not stop", e);
      }
    }
    engine.close();
  }
}
