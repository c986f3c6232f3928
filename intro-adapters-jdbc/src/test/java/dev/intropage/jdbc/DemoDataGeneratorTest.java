package dev.intropage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.personalization.Preferences.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final List<String> TABLES =
      List.of(
          "SELECT * FROM users ORDER BY id",
          "SELECT * FROM user_teams ORDER BY user_id, team",
          "SELECT * FROM activity_events ORDER BY id",
          "SELECT * FROM action_items ORDER BY id",
          "SELECT * FROM daily_stats ORDER BY user_id, day",
          "SELECT * FROM preferences ORDER BY user_id",
          "SELECT * FROM system_components ORDER BY name",
          "SELECT * FROM maintenance_notices ORDER BY id");

  @TempDir Path dir;

  @Test
  void generate_sameSeed_sameRows_otherSeed_otherRows() {
    String first = generateAndChecksum("a.db", 42L);
    String second = generateAndChecksum("b.db", 42L);
    String other = generateAndChecksum("c.db", 43L);

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void generate_createsAdaAndGraceAndTheAskedUsersAndEvents_thenSkips() {
    try (TestDatabase db = TestDatabase.sqlite(dir.resolve("intro.db"))) {
      DemoDataGenerator.Summary summary =
          DemoDataGenerator.generate(db.dataSource, 30, 1_000, 1L, NOW);

      assertThat(summary)
          .isEqualTo(new DemoDataGenerator.Summary(32, summary.events(), 2 * 11 + 60, false));
      Jdbi jdbi = Jdbi.create(db.dataSource);
      assertThat(count(jdbi, "SELECT count(*) FROM users")).isEqualTo(32);
      assertThat(count(jdbi, "SELECT count(*) FROM activity_events WHERE id LIKE 'ev-%'"))
          .isEqualTo(1_000);
      assertThat(count(jdbi, "SELECT count(*) FROM activity_events")).isEqualTo(summary.events());
      // The rollups agree with the events they were computed from.
      assertThat(count(jdbi, "SELECT sum(events) FROM daily_stats")).isEqualTo(summary.events());
      assertThat(count(jdbi, "SELECT count(DISTINCT day) FROM daily_stats WHERE user_id = 'ada'"))
          .isGreaterThanOrEqualTo(DemoDataGenerator.HISTORY_DAYS);
      assertThat(
              count(
                  jdbi,
                  "SELECT count(DISTINCT priority) FROM action_items"
                      + " WHERE owner_id = 'grace' AND state = 'OPEN'"))
          .isEqualTo(4);

      JdbcAdapters adapters = JdbcAdapters.create(db.dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
      UserProfile ada = adapters.users().find(UserId.of("ada")).orElseThrow();
      assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
      assertThat(ada.teams()).containsExactly("engines");
      UserProfile grace = adapters.users().find(UserId.of("grace")).orElseThrow();
      assertThat(grace.teams()).containsExactlyInAnyOrder("engines", "compilers");
      assertThat(adapters.preferences().find(UserId.of("grace")).orElseThrow().theme())
          .contains(Theme.DARK);
      assertThat(adapters.users().find(UserId.of("user-00030"))).isPresent();

      assertThat(DemoDataGenerator.generate(db.dataSource, 30, 1_000, 1L, NOW).skipped()).isTrue();
      assertThat(count(jdbi, "SELECT count(*) FROM users")).isEqualTo(32);
    }
  }

  @Test
  void generate_eventsWithoutUsers_isRefused() {
    try (TestDatabase db = TestDatabase.sqlite(dir.resolve("intro.db"))) {
      assertThatThrownBy(() -> DemoDataGenerator.generate(db.dataSource, 0, 5, 1L, NOW))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private String generateAndChecksum(String file, long seed) {
    try (TestDatabase db = TestDatabase.sqlite(dir.resolve(file))) {
      DemoDataGenerator.generate(db.dataSource, 25, 500, seed, NOW);
      return checksum(Jdbi.create(db.dataSource));
    }
  }

  private static String checksum(Jdbi jdbi) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (String sql : TABLES) {
      jdbi.useHandle(
          h ->
              h.createQuery(sql)
                  .mapToMap()
                  .forEach(row -> digest.update(row.toString().getBytes(StandardCharsets.UTF_8))));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static long count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
