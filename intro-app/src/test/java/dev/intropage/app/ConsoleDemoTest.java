package dev.intropage.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleDemoTest {
  @Test
  void demo_printsBothUsersPagesLoadedThenCached() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T15:00:00Z"), ZoneOffset.UTC);

    ConsoleDemo.print(new PrintStream(out, true, StandardCharsets.UTF_8), clock);

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("== ada's page", "== grace's page")
        .contains("Good afternoon, Ada", "Good morning, Grace")
        .contains("statistics       FRESH", "statistics       CACHED")
        .doesNotContain("FAILED", "TIMED_OUT", "(no data)");
    List<String> graceSections =
        printed
            .lines()
            .dropWhile(line -> !line.startsWith("== grace's page"))
            .skip(1)
            .takeWhile(line -> line.startsWith("  "))
            .map(line -> line.strip().substring(0, line.strip().indexOf(' ')))
            .toList();
    assertThat(graceSections)
        .as("Grace's own layout puts actions and activity first")
        .containsExactly("personalization", "actions", "activity", "statistics", "system");
  }
}
