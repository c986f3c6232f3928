package dev.intropage.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * is a URL and an optional bearer token, used round-robin (a pool of users). The generator shares
 * the machine with the service it measures, so one thread sends and reads everything ({@link
 * EventLoop}).
 *
 * <p>A response may keep the client waiting {@code --timeout} for its next bytes (longer is a
 * {@code timeout}, and the connection is replaced); whatever is still queued {@code --drain}
 * seconds after the last due time is counted as {@code unsent}, with its waiting time so far as
 * latency (a lower bound). {@link LoadSettings} bounds a run.
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
  private static final Pattern SECTION_STATUS = Pattern.compile("desc=\"([A-Z_]+)\"");

  private OpenLoad() {}

  /**
   * Runs the warm-up and the measured phase; exits with 1 if any request failed, 2 on bad usage.
   */
  public static void main(String[] args) throws Exception {
    LoadSettings settings;
    try {
      settings = LoadSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("OpenLoad: " + e.getMessage());
      System.err.println(LoadSettings.USAGE);
      System.exit(2);
      return;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    LoadResult result;
    try (EventLoop loop = new EventLoop(settings.connections(), settings.timeout())) {
      if (settings.warmupSeconds() > 0) {
        out.printf(
            Locale.ROOT, "warm-up: %d s at %.0f/s%n", settings.warmupSeconds(), settings.rate());
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

  /** The due time of request {@code i}, in nanoseconds after the start: fixed intervals. */
  static long dueOffsetNanos(long i, double rate) {
    return (long) (i * (1_000_000_000.0 / rate));
  }

  /** Runs one phase of {@code seconds} on the loop's connections and returns what it measured. */
  static LoadResult run(LoadSettings settings, int seconds, EventLoop loop) throws IOException {
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
    Matcher status = SECTION_STATUS.matcher(serverTiming);
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
}
