package dev.intropage.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real SQLite file: migrate, seed, token, help and bad usage. */
class IntroPageAppTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return new IntroPageApp(
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC())
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void migrate_statusPlanApplyVerifyRollback(@TempDir Path dir) {
    Map<String, String> env = Map.of("INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("intro.db"));

    assertThat(run(env, "migrate", "status")).isZero();
    assertThat(out()).contains("current version: 0", "pending: V1 users", "not up to date");
    assertThat(run(env, "migrate", "plan")).isZero();
    assertThat(out()).contains("will apply V6", "touches users (new)");
    assertThat(run(env, "migrate", "apply")).isZero();
    assertThat(out()).contains("applied 6 migration(s): version 0 -> 6", "ok ");
    assertThat(run(env, "migrate", "verify")).isZero();
    assertThat(run(env, "migrate", "status")).isZero();
    assertThat(out()).contains("current version: 6", "up to date");
    assertThat(run(env, "migrate", "rollback", "4")).isZero();
    assertThat(out()).contains("rolled back 2 migration(s): version 6 -> 4");
  }

  @Test
  void seed_addsTheDemoSetOnce(@TempDir Path dir) {
    Map<String, String> env = Map.of("INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve("intro.db"));

    assertThat(run(env, "seed", "--users", "5", "--events", "100")).isZero();
    assertThat(out()).contains("seeded");
    assertThat(run(env, "seed")).isZero();
    assertThat(out()).contains("users exist already");
  }

  @Test
  void token_mintsWithTheConfiguredSecret() {
    Map<String, String> env =
        Map.of("INTRO_AUTH_JWT_SECRET", "cli-test-secret-of-at-least-32-bytes!!");

    assertThat(run(env, "token", "--user", "ada", "--role", "intro:admin", "--ttl", "PT5M"))
        .isZero();
    assertThat(out().strip()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    assertThat(run(Map.of(), "token", "--user", "ada")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("INTRO_AUTH_JWT_SECRET");
    assertThat(run(env, "token", "--user", "bad user")).isEqualTo(1);
    assertThat(run(env, "token", "--ttl", "P3D", "--user", "ada")).isEqualTo(2);
  }

  @Test
  void usage_helpAndMistakes() {
    assertThat(run(Map.of(), "help")).isZero();
    assertThat(out()).contains("migrate rollback <version>");
    assertThat(run(Map.of(), "launch")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'launch'", "usage:");
    assertThat(run(Map.of(), "migrate")).isEqualTo(2);
    assertThat(run(Map.of(), "migrate", "rollback")).isEqualTo(2);
    assertThat(run(Map.of(), "seed", "--users", "many")).isEqualTo(2);
    assertThat(run(Map.of("INTRO_HTTP_PORT", "x"), "migrate", "status")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("configuration error: INTRO_HTTP_PORT");
  }
}
