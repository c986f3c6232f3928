package dev.intropage.bench.load;

import static dev.intropage.bench.load.LoopbackServers.fixed;
import static dev.intropage.bench.load.LoopbackServers.stallingFirst;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.bench.load.LoopbackServers.JdkServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The open model's schedule, its outcomes and its latencies against loopback servers. */
class OpenLoadTest {
  @Test
  void dueTimesAreFixedIntervalsFromTheStart() {
    assertThat(OpenLoad.dueOffsetNanos(0, 1000)).isZero();
    assertThat(OpenLoad.dueOffsetNanos(1, 1000)).isEqualTo(1_000_000);
    assertThat(OpenLoad.dueOffsetNanos(2999, 1000)).isEqualTo(2_999_000_000L);
    assertThat(OpenLoad.dueOffsetNanos(3, 3)).isEqualTo(1_000_000_000L);
  }

  @Test
  void aPageWithASectionNotFreshCachedOrStale_isDegraded() {
    String complete =
        "personalization;dur=0.0;desc=\"CACHED\", statistics;dur=0.1;desc=\"STALE\","
            + " activity;dur=1.2;desc=\"FRESH\", total;dur=1.4";

    assertThat(OpenLoad.degraded(complete)).isFalse();
    assertThat(OpenLoad.degraded(null)).isFalse();
    assertThat(OpenLoad.degraded(complete.replace("STALE", "CIRCUIT_OPEN"))).isTrue();
    assertThat(OpenLoad.degraded(complete.replace("FRESH", "TIMED_OUT"))).isTrue();
    assertThat(OpenLoad.degraded(complete.replace("CACHED", "FALLBACK"))).isTrue();
    assertThat(OpenLoad.degraded(complete.replace("FRESH", "SKIPPED"))).isTrue();
  }

  @Test
  void run_everyRequestAnswered_countsEach2xxItsBytesAndReusesConnections() throws Exception {
    try (JdkServer server = new JdkServer(fixed(200, new byte[7000]))) {
      LoadResult result = run(server, "--rate", "200", "--connections", "4");

      assertThat(result.outcomes()).isEqualTo(Map.of("200", 200L));
      assertThat(result.errors()).isZero();
      assertThat(result.text()).contains("2xx 200, errors 0").contains("6.8 KiB/response");
      assertThat(result.json()).contains("\"errors\":0,").contains("\"p99\":");
      assertThat(server.connections()).isBetween(1, 4);
    }
  }

  @Test
  void run_serverAnswersConnectionClose_reconnectsAndEveryRequestSucceeds() throws Exception {
    try (JdkServer server = new JdkServer(fixed(200, new byte[100], "Connection", "close"))) {
      LoadResult result = run(server, "--rate", "100");

      assertThat(result.outcomes()).isEqualTo(Map.of("200", 100L));
      assertThat(server.connections()).isEqualTo(100);
    }
  }

  @Test
  void run_non2xxStatuses_areErrorsNamedByTheirCode() throws Exception {
    try (JdkServer server = new JdkServer(fixed(503, new byte[10]))) {
      LoadResult result = run(server, "--rate", "50");

      assertThat(result.outcomes()).isEqualTo(Map.of("503", 50L));
      assertThat(result.errors()).isEqualTo(50);
      assertThat(result.json()).contains("\"ok\":0,\"errors\":50,");
    }
  }

  @Test
  void run_serverTimingNamesATimedOutSection_countsTheResponseAsDegraded() throws Exception {
    String timing = "activity;dur=1.0;desc=\"TIMED_OUT\", total;dur=1.2";
    try (JdkServer server = new JdkServer(fixed(200, new byte[10], "Server-Timing", timing))) {
      LoadResult result = run(server, "--rate", "50");

      assertThat(result.outcomes()).isEqualTo(Map.of("degraded", 50L));
      assertThat(result.errors()).isEqualTo(50);
    }
  }

  @Test
  void run_answersSlowerThanTheTimeout_areCountedAsTimeouts() throws Exception {
    try (JdkServer server =
        new JdkServer(
            exchange -> {
              Thread.sleep(400);
              fixed(200, new byte[10]).handle(exchange);
            })) {
      LoadResult result = run(server, "--rate", "20", "--connections", "20", "--timeout", "100");

      assertThat(result.outcomes()).isEqualTo(Map.of("timeout", 20L));
    }
  }

  @Test
  void run_serverStallsOnce_latencyOfTheRequestsDueMeanwhileCountsFromTheirDueTime()
      throws Exception {
    try (JdkServer server = new JdkServer(stallingFirst(300, fixed(200, new byte[10])))) {
      LoadResult result = run(server, "--rate", "100", "--connections", "1");

      // Measured from when each was sent, only the stalled request would be slow.
      assertThat(result.outcomes()).isEqualTo(Map.of("200", 100L));
      assertThat(result.latency(100)).isGreaterThanOrEqualTo(300_000_000L);
      assertThat(result.latency(99)).isGreaterThanOrEqualTo(250_000_000L);
      assertThat(result.latency(90)).isGreaterThanOrEqualTo(150_000_000L);
    }
  }

  @Test
  void run_requestsStillQueuedAfterTheDrain_areCountedAsUnsent() throws Exception {
    try (JdkServer server = new JdkServer(stallingFirst(1500, fixed(200, new byte[10])))) {
      LoadResult result = run(server, "--rate", "10", "--connections", "1", "--drain", "0");

      assertThat(result.outcomes()).isEqualTo(Map.of("200", 1L, "unsent", 9L));
      assertThat(result.errors()).isEqualTo(9);
    }
  }

  /** Runs one phase of 1 s against the server's {@code /} with these options. */
  private static LoadResult run(JdkServer server, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("--url", server.uri("/").toString(), "--duration", "1"));
    LoadSettings settings = LoadSettings.parse(args.toArray(String[]::new));
    try (EventLoop loop = new EventLoop(settings.connections(), settings.timeout())) {
      return OpenLoad.run(settings, 1, loop);
    }
  }
}
