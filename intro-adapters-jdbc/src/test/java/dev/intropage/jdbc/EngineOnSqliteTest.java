package dev.intropage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.IntroPage;
import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.PageRequest;
import dev.intropage.core.SectionKey;
import dev.intropage.core.SectionPolicy;
import dev.intropage.core.SectionStatus;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.sections.IntroSections;
import dev.intropage.core.statistics.UserStatistics;
import dev.intropage.core.system.SystemOverview;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters behind a real engine, on a migrated SQLite file seeded with the demo data. */
class EngineOnSqliteTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @TempDir Path dir;

  @Test
  void assemble_adasPage_everySectionFreshFromTheDatabase() {
    try (TestDatabase db = TestDatabase.sqlite(dir.resolve("intro.db"))) {
      DemoDataGenerator.generate(db.dataSource, 20, 2_000, 7L, NOW);
      Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
      JdbcAdapters adapters = JdbcAdapters.create(db.dataSource, clock);
      // Generous timeouts: this test is about wiring, not about a cold JVM's first queries.
      SectionPolicy patient = SectionPolicy.builder().timeout(Duration.ofSeconds(5)).build();
      IntroPageEngine.Builder builder =
          IntroSections.register(
              IntroPageEngine.builder()
                  .viewers(adapters.users())
                  .pageDeadline(Duration.ofSeconds(10))
                  .clock(clock),
              adapters.preferences(),
              adapters.dailyStats(),
              adapters.actionItems(),
              adapters.activity(),
              adapters.systemStatus("test", () -> Optional.of("6")));
      for (SectionKey<?> key :
          List.of(
              Personalization.KEY,
              UserStatistics.KEY,
              ActionItemsView.KEY,
              ActivityFeed.KEY,
              SystemOverview.KEY)) {
        builder.policy(key, patient);
      }
      try (IntroPageEngine engine = builder.build()) {
        IntroPage page = engine.assemble(PageRequest.of("ada"));

        assertThat(page.sections().stream().map(r -> r.key().name()).toList())
            .contains("statistics", "actions", "activity", "system");
        assertThat(page.sections())
            .allSatisfy(
                section ->
                    assertThat(section.status())
                        .as(section.key().name() + " " + section.error())
                        .isEqualTo(SectionStatus.FRESH));
        Personalization personalization = page.data(Personalization.KEY).orElseThrow();
        assertThat(personalization.greeting()).contains("Ada");
        ActionItemsView actions = page.data(ActionItemsView.KEY).orElseThrow();
        assertThat(actions.openCount()).isEqualTo(4); // five open, one snoozed
        assertThat(actions.snoozedCount()).isEqualTo(1);
        assertThat(actions.overdueCount()).isEqualTo(2);
        ActivityFeed feed = page.data(ActivityFeed.KEY).orElseThrow();
        assertThat(feed.groups()).isNotEmpty();
        UserStatistics statistics = page.data(UserStatistics.KEY).orElseThrow();
        assertThat(statistics.activityLast30Days()).isPositive();
        assertThat(statistics.completedLast30Days()).isEqualTo(6);
        SystemOverview system = page.data(SystemOverview.KEY).orElseThrow();
        assertThat(system.toString()).contains("search");
      }
    }
  }
}
