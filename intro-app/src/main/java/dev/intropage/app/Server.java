package dev.intropage.app;

import dev.intropage.app.config.AppConfig;
import dev.intropage.app.config.AuthMode;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.InvalidationBus;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.personalization.PreferenceWriter;
import dev.intropage.core.sections.IntroSections;
import dev.intropage.core.system.SystemSnapshot;
import dev.intropage.core.system.SystemSnapshot.ComponentStatus;
import dev.intropage.core.system.SystemStatusProvider;
import dev.intropage.jdbc.JdbcAdapters;
import dev.intropage.jdbc.PostgresInvalidationBus;
import dev.intropage.migrations.MigrationRunner;
import dev.intropage.migrations.SchemaStatus;
import dev.intropage.rest.IntroPageFeature;
import dev.intropage.rest.TokenVerifier;
import dev.intropage.rest.security.JwtVerifier;
import dev.intropage.rest.security.Secrets;
import dev.intropage.rest.security.TokenMinter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone service: wires configuration, database, engine and REST adapter in one place (HK2
 * binder and {@link ResourceConfig}, instances registered, no classpath scanning), serves them over
 * Jetty 12 on virtual threads (docs/decisions/0003), and stops gracefully. Started through {@link
 * IntroPageApp#start}; thread-safe.
 */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  /**
   * How long a write's idempotency key is remembered: a request repeated with the key within it is
   * answered with the first outcome, a later one is taken as new.
   */
  static final Duration IDEMPOTENCY_RETENTION = Duration.ofHours(24);

  /** How long in-flight requests may take to finish once shutdown starts. */
  static final long GRACE_SECONDS = 10;

  private final org.eclipse.jetty.server.Server http;
  private final IntroPageFeature feature;
  private final IntroPageEngine engine;
  private final InvalidationBus bus;
  private final Database database;
  private final AtomicBoolean ready;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Reads the schema's state each minute and purges old idempotency records each hour. */
  private final Housekeeping housekeeping = new Housekeeping();

  private final AtomicBoolean closing = new AtomicBoolean();
  private final URI uri;

  private Server(
      org.eclipse.jetty.server.Server http,
      IntroPageFeature feature,
      IntroPageEngine engine,
      InvalidationBus bus,
      Database database,
      AtomicBoolean ready,
      URI uri) {
    this.http = http;
    this.feature = feature;
    this.engine = engine;
    this.bus = bus;
    this.database = database;
    this.ready = ready;
    this.uri = uri;
  }

  /** Starts the service: HTTP first (liveness), then migrations and the seed, then readiness. */
  static Server start(AppConfig config, Clock clock, PrintStream out, PrintStream err) {
    return start(config, clock, out, err, List.of());
  }

  /**
   * Starts the service with {@code extraComponents} registered as instances in its Jersey
   * application after its own, so they sit behind the same server-wide filters.
   */
  static Server start(
      AppConfig config,
      Clock clock,
      PrintStream out,
      PrintStream err,
      List<Object> extraComponents) {
    return start(config, clock, out, err, extraComponents, WebPageResource.PACKAGED_ROOT);
  }

  /**
   * Starts the service with the web page served at {@code /} from the class path folder {@code
   * webRoot} (ending in a slash); without that folder, {@code /} answers 404.
   */
  static Server start(
      AppConfig config,
      Clock clock,
      PrintStream out,
      PrintStream err,
      List<Object> extraComponents,
      String webRoot) {
    config.describe().forEach(line -> LOG.info("config {}", line));
    AtomicBoolean ready = new AtomicBoolean();
    Database database = Database.open(config);
    MigrationRunner migrations = database.migrations(event -> LOG.info("migration {}", event));
    JdbcAdapters adapters = JdbcAdapters.create(database.dataSource(), clock);
    AtomicReference<SchemaStatus> schema = new AtomicReference<>(migrations.schemaStatus());
    InvalidationBus bus =
        database.postgres()
            ? PostgresInvalidationBus.start(
                database.dataSource(),
                config.dbUrl(),
                config.dbUser().orElse(""),
                config.dbPassword().orElse(""))
            : InvalidationBus.inProcess();

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Names that `promtool check metrics` accepts: no abbreviated units, no "_count" on a gauge.
    registry
        .config()
        .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")))
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count")
                    ? id.withName("system.cpu.cores")
                    : id;
              }
            });
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    database.dataSource().setMetricRegistry(registry);
    MicrometerListener meters = new MicrometerListener(registry);

    IntroPageFeature.Builder rest = IntroPageFeature.builder().clock(clock).readiness(ready::get);
    IntroPageEngine engine =
        IntroSections.register(
                IntroPageEngine.builder()
                    .clock(clock)
                    .viewers(adapters.users())
                    .invalidationBus(bus)
                    .listener(rest.stats())
                    .listener(meters)
                    // Loads beyond the pool wait in the engine, where waiting is no source failure.
                    .maxConcurrentLoads(database.dataSource().getMaximumPoolSize()),
                adapters.preferences(),
                adapters.dailyStats(),
                adapters.actionItems(),
                adapters.activity(),
                withSchema(adapters, schema))
            .build();
    meters.watchBreakers(engine);

    @Nullable TokenMinter devMinter = null;
    TokenVerifier verifier;
    if (config.authMode() == AuthMode.DEV) {
      byte[] secret = Secrets.random(32);
      devMinter = TokenMinter.hs256(secret, clock);
      verifier = JwtVerifier.builder().hmacSecret(secret).clock(clock).build();
    } else {
      verifier = JwtSetup.verifier(config, clock);
    }
    IntroPageFeature feature =
        rest.engine(engine)
            .verifier(verifier)
            .actionItems(ActionItemWriter.over(adapters.actionItemStore(), clock))
            .preferences(PreferenceWriter.over(adapters.preferenceStore(), clock))
            .activity(adapters.activity())
            .invalidationBus(bus)
            .build();

    ResourceConfig application = new ResourceConfig();
    application.setApplicationName("intro-page");
    application.register(feature);
    application.register(new MetricsResource(registry));
    application.register(new RequestLog(registry));
    application.register(new SessionResource(config.authMode()));
    application.register(new MigrationsResource(migrations));
    if (devMinter != null) {
      application.register(new DevTokenResource(devMinter));
      application.register(
          new DevUsersResource(limit -> DemoUsers.first(database.dataSource(), limit)));
    }
    WebPageResource page = new WebPageResource(Server.class.getClassLoader(), webRoot);
    LOG.info(
        page.packaged()
            ? "web page: served at / from the class path folder {}"
            : "web page: not packaged (no class path folder {}); / answers 404",
        webRoot);
    application.register(page);
    application.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(config).to(AppConfig.class);
            bind(engine).to(IntroPageEngine.class);
            bind(registry).to(PrometheusMeterRegistry.class);
          }
        });
    extraComponents.forEach(application::register);

    URI base =
        URI.create("http://" + hostForUri(config.httpHost()) + ":" + config.httpPort() + "/");
    org.eclipse.jetty.server.Server http =
        JettyHttpContainerFactory.createServer(base, application, false);
    for (Connector connector : http.getConnectors()) {
      if (connector instanceof ServerConnector network) {
        // JettyHttpContainerFactory binds every interface whatever the URI's host says.
        network.setHost(config.httpHost());
      }
      HttpConnectionFactory http1 = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (http1 != null) {
        // Jetty caches header values that repeat on a connection; a bearer token differs per
        // request, so the cache would only churn (docs/performance.md).
        http1.getHttpConfiguration().setHeaderCacheSize(0);
      }
    }
    if (http.getThreadPool() instanceof QueuedThreadPool pool) {
      pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(new UnreadBodyHandler(http.getHandler()));
    http.setHandler(graceful);
    http.setStopTimeout(TimeUnit.SECONDS.toMillis(GRACE_SECONDS));
    try {
      http.start();
    } catch (Exception e) {
      engine.close();
      database.close();
      throw new IllegalStateException("cannot listen on " + base + ": " + e.getMessage(), e);
    }
    int port = ((NetworkConnector) http.getConnectors()[0]).getLocalPort();
    URI uri = URI.create("http://" + hostForUri(config.httpHost()) + ":" + port + "/");
    Server server = new Server(http, feature, engine, bus, database, ready, uri);

    var applied = migrations.apply();
    LOG.info("schema at version {}", applied.toVersion());
    schema.set(migrations.schemaStatus());
    server.housekeeping.every(
        "schema status", 1, 1, TimeUnit.MINUTES, () -> schema.set(migrations.schemaStatus()));
    server.housekeeping.every(
        "idempotency purge",
        0,
        1,
        TimeUnit.HOURS,
        () -> {
          int purged =
              adapters.purgeIdempotencyRecords(clock.instant().minus(IDEMPOTENCY_RETENTION));
          if (purged > 0) {
            LOG.info("purged {} idempotency records", purged);
          }
        });
    if (config.demoData()) {
      var seeded = database.seed(Database.DEMO_USERS, Database.DEMO_EVENTS, clock.instant());
      LOG.info("demo data: {}", seeded);
    }
    ready.set(true);
    out.println("Intro Page is listening on " + uri);
    if (devMinter != null) {
      err.println(JwtSetup.devModeBanner(uri));
    }
    return server;
  }

  /**
   * The database's own components and notices, plus the schema's state as a component. Reading the
   * schema's state opens Flyway, too slow for a section's budget, so it is read at start, after
   * migrating, and then once a minute in the background.
   */
  private static SystemStatusProvider withSchema(
      JdbcAdapters adapters, AtomicReference<SchemaStatus> schema) {
    return now -> {
      SchemaStatus current = schema.get();
      SystemSnapshot stored =
          adapters.systemStatus(version(), current::schemaVersion).snapshot(now);
      List<ComponentStatus> components = new ArrayList<>(stored.components());
      components.add(current.component());
      return new SystemSnapshot(
          components,
          stored.activeUsers(),
          stored.version(),
          stored.schemaVersion(),
          stored.notices());
    };
  }

  private static String hostForUri(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String version() {
    String version = Server.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Returns the address the service listens on, with the port it bound. */
  public URI uri() {
    return uri;
  }

  /** Returns the address the listener is bound to, as configured. */
  String boundHost() {
    return ((NetworkConnector) http.getConnectors()[0]).getHost();
  }

  boolean ready() {
    return ready.get();
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitShutdown() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops gracefully: not ready, stop accepting, let in-flight requests finish within {@value
   * #GRACE_SECONDS} s, then stop the engine, the bus and the pool. Closing twice does nothing.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitShutdown();
      return;
    }
    ready.set(false);
    feature.close();
    try {
      http.stop();
    } catch (TimeoutException e) {
      LOG.warn("requests still running after {} s were cut off", GRACE_SECONDS);
    } catch (Exception e) {
      LOG.warn("HTTP server did not stop cleanly", e);
    } finally {
      housekeeping.close();
      engine.close();
      if (bus instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.warn("invalidation bus did not close cleanly", e);
        }
      }
      database.close();
      LOG.info("stopped");
      stopped.countDown();
    }
  }
}
