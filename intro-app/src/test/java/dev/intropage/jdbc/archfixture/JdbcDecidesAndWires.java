package dev.intropage.jdbc.archfixture;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.actions.ActionItemStore;
import dev.intropage.core.actions.ActionItemWriter;
import dev.intropage.core.sections.IntroSections;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Breaks two rules on purpose: a JDBC class running a use case and wiring the engine. */
public final class JdbcDecidesAndWires {
  private JdbcDecidesAndWires() {}

  /** Decides what the use case should, and builds what the app should. */
  public static List<Object> misuse(ActionItemStore store) {
    ActionItemWriter writer = ActionItemWriter.over(store, Clock.systemUTC());
    IntroPageEngine.Builder builder = IntroPageEngine.builder().pageDeadline(Duration.ofSeconds(1));
    return List.of(IntroSections.class, writer, builder);
  }
}
