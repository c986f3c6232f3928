package dev.intropage.app;

import dev.intropage.core.IntroPage;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.PageRequest;
import dev.intropage.core.SectionResult;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * Prints the demo users' intro pages to the console: what the standalone service will serve, until
 * the service exists. Run with {@code ./mvnw -pl intro-app -am package exec:exec -DskipTests}.
 */
public final class ConsoleDemo {
  private ConsoleDemo() {}

  /** Prints Ada's and Grace's pages, twice each: loaded, then from the cache. */
  public static void main(String[] args) {
    print(System.out, Clock.systemUTC());
  }

  static void print(PrintStream out, Clock clock) {
    try (IntroPageEngine engine = new DemoData(clock).engine(clock).build()) {
      for (String user : List.of("ada", "grace")) {
        for (int round = 0; round < 2; round++) {
          IntroPage page = engine.assemble(PageRequest.of(user));
          out.printf("== %s's page (%d µs)%n", user, page.elapsed().toNanos() / 1_000);
          for (SectionResult<?> section : page.sections()) {
            out.printf(
                "  %-16s %-8s %s%n",
                section.key().name(),
                section.status(),
                section.data().map(Object::toString).orElse("(no data)"));
          }
        }
      }
    }
  }
}
