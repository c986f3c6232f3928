package dev.intropage.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An open-model (arrival-rate) HTTP load generator for loopback targets: request {@code i} is due
 * at {@code start + i / rate} whether or not earlier requests have been answered, and its latency
 * is measured from that due time, so a stalled server shows in the percentiles instead of silently
 * lowering the request rate (coordinated omission).
 *
 * <p>Due requests are sent in order, each over one of {@code connections} persistent HTTP/1.1
 * connections that is free, one request at a time on each, so at most that many keep-alive
 * connections are busy; a request that waits for a free connection waits on the clock. Each target
 * is a URL and an optional bearer token, used round-robin (a pool of users).
 *
 * <p>The generator shares the machine with the service it measures, so it is lean: one thread sends
 * and reads everything through a selector ({@link EventLoop}). At 5,500 requests/s to the service's
 * page on 2 cores, a run of 5 + 20 s (137,500 requests) took 7.2 s of CPU, 53 µs a request with the
 * JVM's start and compilation, two thirds of it in the kernel. A platform thread per connection
 * took 77 µs a request at 4,500 requests/s, mostly two thread wake-ups a request (one at the due
 * time, one for the response); virtual threads took more than half as much again, and {@code
 * java.net.http.HttpClient} 270 µs, which starved the service.
 *
 * <p>Bounded: loopback hosts only, at most {@value #MAX_DURATION_SECONDS} s per phase, at most
 * {@value #MAX_REQUESTS} requests per phase. A response may keep the client waiting {@code
 * --timeout} for its next bytes (longer is a {@code timeout}, and the connection is replaced);
 * whatever is still queued {@code --drain} seconds after the last due time is counted as {@code
 * unsent}, with its waiting time so far as latency (a lower bound).
 *
 * <pre>
 * java -cp intro-bench/target/benchmarks.jar dev.intropage.bench.load.OpenLoad \
 *     --url http://127.0.0.1:8080/api/v1/intro-page/{user} --tokens tokens.txt \
 *     --rate 2000 --duration 20 --connections 100 --warmup 5 --json out.json
 * </pre>
 *
 * {@code tokens.txt} holds {@code user token} per line; {@code {user}} in the URL is replaced by
 * the line's user. Without {@code --tokens} the URL is requested as is, with no header.
 */
public final class OpenLoad {
  static final int MAX_DURATION_SECONDS = 30;
  static final long MAX_REQUESTS = 1_000_000;
  static final int MAX_CONNECTIONS = 2_000;

  /** One request to send: where, and with which {@code Authorization} value (or none). */
  record Target(URI uri, @Nullable String authorization) {}

  /** The settings of one run. */
  record Settings(
      List<Target> targets,
      double rate,
      int durationSeconds,
      int warmupSeconds,
      int connections,
      Duration timeout,
      Duration drain,
      @Nullable Path json,
      String label) {}

  private OpenLoad() {}

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("OpenLoad: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Result result;
    try (EventLoop loop = new EventLoop(settings.connections(), settings.timeout())) {
      if (settings.warmupSeconds() > 0) {
        out.printf(
            Locale.ROOT, "warm-up: %d s at %.0f/s%n", settings.warmupSeconds(), settings.rate);
        run(settings, settings.warmupSeconds(), loop);
      }
      result = run(settings, settings.durationSeconds(), loop);
    }
    out.print(result.text());
    Path json = settings.json();
    if (json != null) {
      Files.writeString(json, result.json(), StandardCharsets.UTF_8);
      out.println("JSON: " + json);
    }
    System.exit(result.errors() == 0 ? 0 : 1);
  }

  static final String USAGE =
      """
      usage: OpenLoad --url URL [--tokens FILE] --rate R --duration S [--connections N]
                      [--warmup S] [--timeout MS] [--drain S] [--json FILE] [--label TEXT]
        URL          http://127.0.0.1:PORT/path; {user} is replaced by each token line's user
        --tokens     lines of "user token"; sent as Authorization: Bearer token, round-robin
        --rate       requests per second, scheduled at fixed intervals (open model)
        --duration   measured seconds, at most 30; --warmup seconds run first and are discarded
        --connections concurrent keep-alive connections (default 100)
      """;

  static Settings parse(String[] args) throws IOException {
    Map<String, String> options = new TreeMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    String url = required(options, "url");
    double rate = Double.parseDouble(required(options, "rate"));
    int duration = Integer.parseInt(required(options, "duration"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
    int connections = Integer.parseInt(options.getOrDefault("connections", "100"));
    long timeoutMs = Long.parseLong(options.getOrDefault("timeout", "5000"));
    int drain = Integer.parseInt(options.getOrDefault("drain", "10"));
    if (!(rate > 0)) {
      throw new IllegalArgumentException("--rate must be positive");
    }
    for (int seconds : new int[] {duration, warmup}) {
      if (seconds < 0 || seconds > MAX_DURATION_SECONDS) {
        throw new IllegalArgumentException(
            "--duration and --warmup must be 0.." + MAX_DURATION_SECONDS + " s");
      }
    }
    if (duration == 0) {
      throw new IllegalArgumentException("--duration must be at least 1 s");
    }
    if (rate * duration > MAX_REQUESTS) {
      throw new IllegalArgumentException(
          "rate x duration must be at most " + MAX_REQUESTS + " requests");
    }
    if (connections < 1 || connections > MAX_CONNECTIONS) {
      throw new IllegalArgumentException("--connections must be 1.." + MAX_CONNECTIONS);
    }
    if (timeoutMs < 1 || timeoutMs > 30_000 || drain < 0 || drain > 30) {
      throw new IllegalArgumentException("--timeout must be 1..30000 ms and --drain 0..30 s");
    }
    List<Target> targets = new ArrayList<>();
    String tokens = options.get("tokens");
    if (tokens == null) {
      targets.add(new Target(loopback(url), null));
    } else {
      for (String line : Files.readAllLines(Path.of(tokens), StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        if (space > 0) {
          String user = trimmed.substring(0, space);
          String token = trimmed.substring(space + 1).strip();
          targets.add(new Target(loopback(url.replace("{user}", user)), "Bearer " + token));
        }
      }
      if (targets.isEmpty()) {
        throw new IllegalArgumentException(tokens + " holds no 'user token' lines");
      }
    }
    String json = options.get("json");
    return new Settings(
        List.copyOf(targets),
        rate,
        duration,
        warmup,
        connections,
        Duration.ofMillis(timeoutMs),
        Duration.ofSeconds(drain),
        json == null ? null : Path.of(json),
        options.getOrDefault("label", url));
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  /** Accepts only http URLs whose host resolves to loopback addresses alone. */
  static URI loopback(String url) {
    URI uri = URI.create(url);
    String host = uri.getHost();
    if (!"http".equals(uri.getScheme()) || host == null) {
      throw new IllegalArgumentException("only http://host:port/ URLs are supported: " + url);
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          throw new IllegalArgumentException("refusing a non-loopback target: " + url);
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host in " + url, e);
    }
    return uri;
  }

  /** The due time of request {@code i}, in nanoseconds after the start: fixed intervals. */
  static long dueOffsetNanos(long i, double rate) {
    return (long) (i * (1_000_000_000.0 / rate));
  }

  /** Runs one phase of {@code seconds} on the loop's connections and returns what it measured. */
  static Result run(Settings settings, int seconds, EventLoop loop) throws IOException {
    long total = (long) Math.floor(settings.rate() * seconds);
    Recorder recorder = new Recorder((int) total);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long lastDue = start + dueOffsetNanos(total - 1, settings.rate());
    long stopTaking = lastDue + settings.drain().toNanos();
    List<EventLoop.Request> requests =
        settings.targets().stream()
            .map(target -> EventLoop.Request.get(target.uri(), target.authorization()))
            .toList();
    long sent = loop.run(requests, total, start, settings.rate(), stopTaking, recorder);
    long now = System.nanoTime();
    for (long i = sent; i < total; i++) {
      recorder.record(now - (start + dueOffsetNanos(i, settings.rate())), "unsent");
    }
    return recorder.result(settings, seconds, total, System.nanoTime() - start);
  }

  /**
   * Whether a page's {@code Server-Timing} names a section that is not {@code FRESH}, {@code
   * CACHED} or {@code STALE}: such a page was cheaper to make than a whole one, so it counts as an
   * error rather than flattering the figures. A response without the header is not a page.
   */
  static boolean degraded(@Nullable String serverTiming) {
    if (serverTiming == null) {
      return false;
    }
    java.util.regex.Matcher status = SECTION_STATUS.matcher(serverTiming);
    while (status.find()) {
      switch (status.group(1)) {
        case "FRESH", "CACHED", "STALE" -> {}
        default -> {
          return true;
        }
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern SECTION_STATUS =
      java.util.regex.Pattern.compile("desc=\"([A-Z_]+)\"");

  /** Latencies and outcomes of one phase; thread-safe. */
  static final class Recorder {
    private final long[] latencies;
    private int count;
    private long bytes;
    private final Map<String, Long> outcomes = new TreeMap<>();

    Recorder(int capacity) {
      this.latencies = new long[capacity];
    }

    synchronized void record(long latencyNanos, String outcome) {
      if (count < latencies.length) {
        latencies[count++] = latencyNanos;
      }
      outcomes.merge(outcome, 1L, Long::sum);
    }

    synchronized void bytes(long n) {
      bytes += n;
    }

    synchronized Result result(Settings settings, int seconds, long scheduled, long elapsedNanos) {
      long[] sorted = java.util.Arrays.copyOf(latencies, count);
      java.util.Arrays.sort(sorted);
      return new Result(
          settings, seconds, scheduled, elapsedNanos, sorted, new TreeMap<>(outcomes), bytes);
    }
  }

  /** Nearest-rank percentile of sorted values: the smallest value with {@code p}% at or below. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    // The epsilon keeps 99.9 % of 1,000 at rank 999 despite binary fractions.
    int rank = (int) Math.ceil(p * sorted.length / 100.0 - 1e-9);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  /** What one phase measured. */
  static final class Result {
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};

    private final Settings settings;
    private final int seconds;
    private final long scheduled;
    private final long elapsedNanos;
    private final long[] sorted;
    private final Map<String, Long> outcomes;
    private final long bytes;

    Result(
        Settings settings,
        int seconds,
        long scheduled,
        long elapsedNanos,
        long[] sorted,
        Map<String, Long> outcomes,
        long bytes) {
      this.settings = settings;
      this.seconds = seconds;
      this.scheduled = scheduled;
      this.elapsedNanos = elapsedNanos;
      this.sorted = sorted;
      this.outcomes = outcomes;
      this.bytes = bytes;
    }

    /** Latency at percentile {@code p}, in nanoseconds. */
    long latency(double p) {
      return percentile(sorted, p);
    }

    long ok() {
      return outcomes.entrySet().stream()
          .filter(e -> e.getKey().startsWith("2") && e.getKey().length() == 3)
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    /** The bodies' bytes of all responses. */
    long bytes() {
      return bytes;
    }

    Map<String, Long> outcomes() {
      return java.util.Collections.unmodifiableMap(outcomes);
    }

    long errors() {
      return sorted.length - ok();
    }

    double throughput() {
      return ok() / (elapsedNanos / 1e9);
    }

    String text() {
      StringBuilder text = new StringBuilder();
      text.append(
          String.format(
              Locale.ROOT,
              "%s%n  open model: %.0f req/s for %d s over %d connections, %d targets%n"
                  + "  scheduled %d, completed %d, 2xx %d, errors %d; achieved %.0f 2xx/s; %.1f"
                  + " KiB/response%n  outcomes %s%n  latency from due time (ms):",
              settings.label(),
              settings.rate(),
              seconds,
              settings.connections(),
              settings.targets().size(),
              scheduled,
              sorted.length,
              ok(),
              errors(),
              throughput(),
              ok() == 0 ? 0.0 : bytes / 1024.0 / ok(),
              outcomes));
      for (double p : PERCENTILES) {
        text.append(
            String.format(Locale.ROOT, " %s %.2f", label(p), percentile(sorted, p) / 1_000_000.0));
      }
      return text.append(System.lineSeparator()).toString();
    }

    String json() {
      StringBuilder json = new StringBuilder("{");
      json.append(String.format(Locale.ROOT, "\"label\":\"%s\",", escape(settings.label())));
      json.append(String.format(Locale.ROOT, "\"rate\":%.1f,", settings.rate()));
      json.append(String.format(Locale.ROOT, "\"durationSeconds\":%d,", seconds));
      json.append(String.format(Locale.ROOT, "\"connections\":%d,", settings.connections()));
      json.append(String.format(Locale.ROOT, "\"targets\":%d,", settings.targets().size()));
      json.append(String.format(Locale.ROOT, "\"scheduled\":%d,", scheduled));
      json.append(String.format(Locale.ROOT, "\"completed\":%d,", sorted.length));
      json.append(String.format(Locale.ROOT, "\"ok\":%d,", ok()));
      json.append(String.format(Locale.ROOT, "\"errors\":%d,", errors()));
      json.append(String.format(Locale.ROOT, "\"throughput\":%.1f,", throughput()));
      json.append("\"outcomes\":{");
      json.append(
          String.join(
              ",",
              outcomes.entrySet().stream()
                  .map(e -> "\"" + escape(e.getKey()) + "\":" + e.getValue())
                  .toList()));
      json.append("},\"latencyMs\":{");
      List<String> ps = new ArrayList<>();
      for (double p : PERCENTILES) {
        ps.add(
            String.format(
                Locale.ROOT, "\"%s\":%.3f", label(p), percentile(sorted, p) / 1_000_000.0));
      }
      json.append(String.join(",", ps)).append("}}").append(System.lineSeparator());
      return json.toString();
    }

    private static String label(double p) {
      if (p == 100) {
        return "max";
      }
      return p == Math.rint(p) ? "p" + (long) p : "p" + String.valueOf(p);
    }

    private static String escape(String s) {
      return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
  }
}
