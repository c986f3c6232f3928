package dev.intropage.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one {@link OpenLoad} phase measured, as text for people and as JSON for run.sh. */
final class LoadResult {
  static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};

  private final LoadSettings settings;
  private final int seconds;
  private final long scheduled;
  private final long elapsedNanos;
  private final long[] sorted;
  private final Map<String, Long> outcomes;
  private final long bytes;

  LoadResult(
      LoadSettings settings,
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

  /** Nearest-rank percentile of sorted values: the smallest value with {@code p}% at or below. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    // The epsilon keeps 99.9 % of 1,000 at rank 999 despite binary fractions.
    int rank = (int) Math.ceil(p * sorted.length / 100.0 - 1e-9);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
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
    return Collections.unmodifiableMap(outcomes);
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
          String.format(Locale.ROOT, "\"%s\":%.3f", label(p), percentile(sorted, p) / 1_000_000.0));
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
