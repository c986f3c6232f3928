package dev.intropage.app;

import ch.qos.logback.classic.LoggerContext;
import dev.intropage.app.config.AppConfig;
import dev.intropage.app.config.ConfigException;
import dev.intropage.core.model.IntroPageException;
import dev.intropage.migrations.ApplyResult;
import dev.intropage.migrations.MigrationPlan;
import dev.intropage.migrations.MigrationRunner;
import dev.intropage.migrations.MigrationStatus;
import dev.intropage.migrations.RollbackResult;
import dev.intropage.migrations.VerifyReport;
import dev.intropage.rest.security.TokenMinter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The command line of the standalone service: {@code serve} (the default), {@code migrate
 * status|plan|apply|verify|rollback <version>}, {@code token}, {@code seed} and {@code help}.
 * Configuration comes from the environment (docs/configuration.md).
 */
public final class IntroPageApp {
  static final String USAGE =
      """
      usage: java -jar intro-app.jar [command]
        serve                            start the service (the default)
        migrate status                   current schema version, pending migrations, drift
        migrate plan                     what apply would do, with the tables it touches
        migrate apply                    apply pending migrations, verify, roll back on failure
        migrate verify                   check foreign keys and required indexes
        migrate rollback <version>       undo migrations down to <version>
        token --user <id> [--role <r>]... [--ttl PT1H]
                                         mint an HS256 token with INTRO_AUTH_JWT_SECRET
        seed [--users N] [--events M]    add the demo data set (skipped when users exist)
        help                             this text
      """;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  IntroPageApp(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** Runs a command with the process's environment and exits with its status. */
  public static void main(String[] args) {
    int status = new IntroPageApp(System.getenv(), stdout(), stderr(), Clock.systemUTC()).run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Starts the service as the {@code serve} command does, configured from {@code env}, with {@code
   * extraComponents} registered as instances in its Jersey application after its own, until the
   * returned server is closed or the JVM shuts down.
   *
   * @throws ConfigException if {@code env} does not configure a service (docs/configuration.md)
   */
  public static Server start(Map<String, String> env, List<Object> extraComponents) {
    Objects.requireNonNull(env, "env");
    List<Object> extras = List.copyOf(extraComponents);
    return start(AppConfig.from(env), Clock.systemUTC(), stdout(), stderr(), extras);
  }

  private static PrintStream stdout() {
    return new PrintStream(System.out, true, StandardCharsets.UTF_8);
  }

  private static PrintStream stderr() {
    return new PrintStream(System.err, true, StandardCharsets.UTF_8);
  }

  /** Runs a command; returns the process exit status (0 ok, 1 failed, 2 bad usage). */
  int run(String... args) {
    List<String> words = Arrays.asList(args);
    String command = words.isEmpty() ? "serve" : words.get(0);
    List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
    try {
      return switch (command) {
        case "serve" -> serve();
        case "migrate" -> migrate(rest);
        case "token" -> token(rest);
        case "seed" -> seed(rest);
        case "help", "--help", "-h" -> {
          out.print(USAGE);
          yield 0;
        }
        default -> usage("unknown command '" + command + "'");
      };
    } catch (ConfigException e) {
      err.println("configuration error: " + e.getMessage());
      return 2;
    } catch (UsageException e) {
      return usage(String.valueOf(e.getMessage()));
    } catch (IntroPageException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private int usage(String problem) {
    err.println(problem);
    err.print(USAGE);
    return 2;
  }

  private int serve() {
    start(AppConfig.from(env), clock, out, err, List.of()).awaitShutdown();
    return 0;
  }

  /** Sets up logging, starts the server and closes it, logs flushed, when the JVM shuts down. */
  private static Server start(
      AppConfig config,
      Clock clock,
      PrintStream out,
      PrintStream err,
      List<Object> extraComponents) {
    if (config.jsonLogs() && System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Server server;
    try {
      server = Server.start(config, clock, out, err, extraComponents);
    } catch (RuntimeException e) {
      flushLogs();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      server.close();
                      flushLogs();
                    }));
    return server;
  }

  /**
   * Stops Logback, which writes the events its asynchronous appender still holds: the process is
   * about to end, and the last lines (the stop, the last requests) matter most.
   */
  private static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }

  private int migrate(List<String> args) {
    if (args.isEmpty()) {
      throw new UsageException("migrate needs one of status, plan, apply, verify, rollback");
    }
    AppConfig config = AppConfig.from(env);
    try (Database database = Database.open(config)) {
      MigrationRunner runner = database.migrations(event -> out.println("  " + event));
      switch (args.get(0)) {
        case "status" -> printStatus(runner.status());
        case "plan" -> printPlan(runner.plan());
        case "apply" -> {
          ApplyResult result = runner.apply();
          out.printf(
              "applied %d migration(s): version %d -> %d%n",
              result.applied().size(), result.fromVersion(), result.toVersion());
          result.backup().ifPresent(backup -> out.println("backup: " + backup));
          printReport(result.verification());
        }
        case "verify" -> {
          VerifyReport report = runner.verify();
          printReport(report);
          return report.passed() ? 0 : 1;
        }
        case "rollback" -> {
          if (args.size() != 2) {
            throw new UsageException("migrate rollback needs the version to roll back to");
          }
          RollbackResult result = runner.rollbackTo(integer("version", args.get(1)));
          out.printf(
              "rolled back %d migration(s): version %d -> %d%n",
              result.rolledBack().size(), result.fromVersion(), result.toVersion());
        }
        default -> throw new UsageException("unknown migrate step '" + args.get(0) + "'");
      }
      return 0;
    }
  }

  private void printStatus(MigrationStatus status) {
    out.printf(
        "engine %s %s (%s)%n",
        status.engine(), status.serverVersion(), status.supported() ? "supported" : "unsupported");
    out.println("current version: " + status.currentVersion());
    status.pending().forEach(m -> out.println("pending: V" + m.version() + " " + m.description()));
    status.drift().forEach(d -> out.println("drift: " + d));
    out.println(status.upToDate() ? "up to date" : "not up to date");
  }

  private void printPlan(MigrationPlan plan) {
    printStatus(plan.status());
    for (MigrationPlan.Step step : plan.steps()) {
      out.println(
          "will apply V" + step.migration().version() + " " + step.migration().description());
      step.tables()
          .forEach(
              table ->
                  out.println(
                      "  touches "
                          + table.name()
                          + (table.rows().isPresent()
                              ? " (" + table.rows().getAsLong() + " rows)"
                              : " (new)")));
    }
  }

  private void printReport(VerifyReport report) {
    report
        .checks()
        .forEach(
            check ->
                out.println(
                    (check.passed() ? "ok    " : "FAILED ")
                        + check.name()
                        + ": "
                        + check.detail()));
  }

  private int token(List<String> args) {
    AppConfig config = AppConfig.from(env);
    String secret =
        config
            .jwtSecret()
            .orElseThrow(
                () -> new UsageException("token needs INTRO_AUTH_JWT_SECRET (HS256) to sign with"));
    String user = null;
    Set<String> roles = new LinkedHashSet<>();
    Duration ttl = Duration.ofHours(1);
    for (int i = 0; i < args.size(); i += 2) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new UsageException(flag + " needs a value");
      }
      String value = args.get(i + 1);
      switch (flag) {
        case "--user" -> user = value;
        case "--role" -> roles.add(value);
        case "--ttl" -> ttl = duration(value);
        default -> throw new UsageException("unknown option '" + flag + "'");
      }
    }
    if (user == null) {
      throw new UsageException("token needs --user");
    }
    dev.intropage.core.model.UserId.of(user);
    TokenMinter minter = TokenMinter.hs256(secret.getBytes(StandardCharsets.UTF_8), clock);
    if (config.jwtIssuer().isPresent()) {
      minter = minter.withIssuer(config.jwtIssuer().get());
    }
    if (config.jwtAudience().isPresent()) {
      minter = minter.withAudience(config.jwtAudience().get());
    }
    out.println(minter.mint(user, roles, ttl));
    return 0;
  }

  private int seed(List<String> args) {
    int users = Database.DEMO_USERS;
    long events = Database.DEMO_EVENTS;
    for (int i = 0; i < args.size(); i += 2) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new UsageException(flag + " needs a value");
      }
      switch (flag) {
        case "--users" -> users = integer("--users", args.get(i + 1));
        case "--events" -> events = integer("--events", args.get(i + 1));
        default -> throw new UsageException("unknown option '" + flag + "'");
      }
    }
    AppConfig config = AppConfig.from(env);
    try (Database database = Database.open(config)) {
      database.migrations(event -> {}).apply();
      var summary = database.seed(users, events, clock.instant());
      out.println(
          summary.skipped()
              ? "users exist already; nothing seeded"
              : "seeded " + summary.users() + " users, " + summary.events() + " events");
      return 0;
    }
  }

  private static int integer(String name, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 0) {
        throw new UsageException(name + " must not be negative");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, was '" + value + "'");
    }
  }

  private static Duration duration(String value) {
    try {
      Duration parsed = Duration.parse(value);
      if (parsed.isNegative() || parsed.isZero() || parsed.compareTo(Duration.ofDays(1)) > 0) {
        throw new UsageException("--ttl must be positive and at most PT24H");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new UsageException("--ttl must be an ISO-8601 duration such as PT1H");
    }
  }

  /** A command line that does not make sense; answered with the usage text and status 2. */
  static final class UsageException extends IntroPageException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
