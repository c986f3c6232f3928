package dev.intropage.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one {@link OpenLoad} run, parsed from its command line and bounded so that a run
 * stays short and on this machine: loopback hosts only, at most {@value #MAX_DURATION_SECONDS} s
 * and {@value #MAX_REQUESTS} requests per phase, at most {@value #MAX_CONNECTIONS} connections.
 */
record LoadSettings(
    List<LoadSettings.Target> targets,
    double rate,
    int durationSeconds,
    int warmupSeconds,
    int connections,
    Duration timeout,
    Duration drain,
    @Nullable Path json,
    String label) {
  static final int MAX_DURATION_SECONDS = 30;
  static final long MAX_REQUESTS = 1_000_000;
  static final int MAX_CONNECTIONS = 2_000;

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

  /** One request to send: where, and with which {@code Authorization} value (or none). */
  record Target(URI uri, @Nullable String authorization) {}

  LoadSettings {
    targets = List.copyOf(targets);
  }

  /**
   * Parses {@code --option value} pairs as {@link #USAGE} describes them.
   *
   * @throws IllegalArgumentException if an option is missing, malformed or out of bounds
   * @throws IOException if the tokens file cannot be read
   */
  static LoadSettings parse(String[] args) throws IOException {
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
    String json = options.get("json");
    return new LoadSettings(
        targets(url, options.get("tokens")),
        rate,
        duration,
        warmup,
        connections,
        Duration.ofMillis(timeoutMs),
        Duration.ofSeconds(drain),
        json == null ? null : Path.of(json),
        options.getOrDefault("label", url));
  }

  /** The URL as is without a tokens file; else one target per {@code user token} line. */
  private static List<Target> targets(String url, @Nullable String tokens) throws IOException {
    if (tokens == null) {
      return List.of(new Target(loopback(url), null));
    }
    List<Target> targets = new ArrayList<>();
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
    return targets;
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
}
