package dev.intropage.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppConfigTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void defaults_loopbackSqliteDevModeWithDemoData() {
    AppConfig config = AppConfig.from(Map.of("INTRO_DB_URL", "jdbc:sqlite:/nonexistent/dir/x.db"));

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    assertThat(config.authMode()).isEqualTo(AuthMode.DEV);
    assertThat(config.demoData()).isTrue();
    assertThat(config.jsonLogs()).isFalse();
    assertThat(AppConfig.from(Map.of("INTRO_LOG_FORMAT", "JSON")).jsonLogs()).isTrue();
    assertThat(AppConfig.from(Map.of()).dbUrl()).isEqualTo("jdbc:sqlite:./data/intro.db");
  }

  @Test
  void keyConfigured_jwtModeAndSecretNeverShown() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "INTRO_AUTH_JWT_SECRET", SECRET,
                "INTRO_DB_PASSWORD", "hunter2-hunter2",
                "INTRO_DB_URL", "jdbc:postgresql://db/intro",
                "INTRO_DB_USER", "intro"));

    assertThat(config.authMode()).isEqualTo(AuthMode.JWT);
    assertThat(config.demoData()).isFalse();
    assertThat(config.describe())
        .contains("INTRO_AUTH_JWT_SECRET=***", "INTRO_DB_PASSWORD=***", "INTRO_DB_USER=intro");
    assertThat(config.toString()).doesNotContain(SECRET, "hunter2");
  }

  @Test
  void databaseUrlWithAPassword_isShownMasked() {
    AppConfig query =
        AppConfig.from(
            Map.of(
                "INTRO_DB_URL",
                "jdbc:postgresql://db:5432/intro?user=intro&password=s3cret&sslpassword=k3y&ssl=true"));
    AppConfig userInfo =
        AppConfig.from(Map.of("INTRO_DB_URL", "jdbc:postgresql://intro:s3cret@db:5432/intro"));

    assertThat(query.describe())
        .contains(
            "INTRO_DB_URL=jdbc:postgresql://db:5432/intro?user=intro&password=***&sslpassword=***&ssl=true");
    assertThat(userInfo.describe())
        .contains("INTRO_DB_URL=jdbc:postgresql://intro:***@db:5432/intro");
    assertThat(query + " " + userInfo).doesNotContain("s3cret", "k3y");
    assertThat(query.dbUrl()).contains("password=s3cret");
  }

  @Test
  void existingSqliteFile_noDemoDataUnlessAsked(@TempDir Path dir) throws Exception {
    Path db = Files.createFile(dir.resolve("intro.db"));
    String url = "jdbc:sqlite:" + db;

    assertThat(AppConfig.from(Map.of("INTRO_DB_URL", url)).demoData()).isFalse();
    assertThat(AppConfig.from(Map.of("INTRO_DB_URL", url, "INTRO_DEMO_DATA", "yes")).demoData())
        .isTrue();
  }

  @Test
  void propertiesFile_setsKeysAndEnvironmentWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("intro.properties");
    Files.writeString(file, "INTRO_HTTP_PORT=9090\nINTRO_HTTP_HOST=localhost\n");

    AppConfig config =
        AppConfig.from(Map.of("INTRO_CONFIG_FILE", file.toString(), "INTRO_HTTP_PORT", "0"));

    assertThat(config.httpPort()).isZero();
    assertThat(config.httpHost()).isEqualTo("localhost");
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("INTRO_CONFIG_FILE", dir.resolve("no").toString())))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.key()).isEqualTo("INTRO_CONFIG_FILE"));
  }

  @Test
  void keyFiles_mustBeReadable(@TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----");
    Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");

    assertThat(AppConfig.from(Map.of("INTRO_AUTH_JWT_PUBLIC_KEY", pem.toString())).jwtPublicKey())
        .contains(pem);
    assertThat(AppConfig.from(Map.of("INTRO_AUTH_JWT_JWKS", jwks.toString())).jwtJwks())
        .contains(jwks.toUri());
    assertThat(
            AppConfig.from(Map.of("INTRO_AUTH_JWT_JWKS", "https://auth.example/jwks.json"))
                .jwtJwks()
                .orElseThrow()
                .getHost())
        .isEqualTo("auth.example");
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("INTRO_AUTH_JWT_PUBLIC_KEY", dir.resolve("x").toString())))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.key()).isEqualTo("INTRO_AUTH_JWT_PUBLIC_KEY"));
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("INTRO_AUTH_JWT_JWKS", dir.resolve("x").toString())))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.key()).isEqualTo("INTRO_AUTH_JWT_JWKS"));
  }

  @ParameterizedTest
  @CsvSource({
    "INTRO_HTTP_PORT, 70000, between 0 and 65535",
    "INTRO_HTTP_PORT, eighty, whole number",
    "INTRO_DB_URL, jdbc:mysql://x, jdbc:sqlite: or jdbc:postgresql:",
    "INTRO_AUTH_JWT_SECRET, short, at least 32 bytes",
    "INTRO_AUTH_MODE, maybe, dev or jwt",
    "INTRO_AUTH_MODE, jwt, jwt mode needs",
    "INTRO_DEMO_DATA, perhaps, true or false",
    "INTRO_HTTP_HOST, no-such-host.invalid, cannot resolve",
    "INTRO_TYPO, 1, not a setting",
    "INTRO_LOG_FORMAT, xml, text or json",
  })
  void badValue_stopsNamingTheKey(String key, String value, String reason) {
    assertThatThrownBy(() -> AppConfig.from(Map.of(key, value)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.getMessage()).contains(reason);
            });
  }

  @Test
  void devMode_refusedOffLoopback() {
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("INTRO_HTTP_HOST", "0.0.0.0", "INTRO_AUTH_MODE", "dev")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.getMessage()).contains("loopback"));
    assertThatThrownBy(() -> AppConfig.from(Map.of("INTRO_HTTP_HOST", "0.0.0.0")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.key()).isEqualTo("INTRO_AUTH_MODE"));
  }

  @Test
  void nonIntroVariables_ignored() {
    assertThat(AppConfig.from(Map.of("PATH", "/bin", "HOME", "/root")).httpPort()).isEqualTo(8080);
  }
}
