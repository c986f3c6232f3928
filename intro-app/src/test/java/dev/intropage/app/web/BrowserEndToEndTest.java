package dev.intropage.app.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.app.IntroPageApp;
import dev.intropage.app.Server;
import io.jsonwebtoken.Jwts;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in real headless Chromium (Debian's {@code chromium}) against the real service on a
 * fresh SQLite file with the demo data: each test starts the service on a free port and runs the
 * scenarios of {@code intro-web/e2e/run.mjs} with node, whose output is streamed into this test's
 * output and whose exit status decides the test. A missing node, Chromium or {@code npm ci} fails
 * the test with what to install, never skips it; the build installs Chromium from Debian's packages
 * and runs {@code npm ci} in {@code intro-web/e2e} before the tests.
 */
class BrowserEndToEndTest {
  private static final String ISSUER = "https://auth.example";
  private static final String AUDIENCE = "intro-page";

  /** The longest a whole node run may take on a loaded two-core machine. */
  private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();

  /** Empties the screenshot folder, so that every picture in it is from this run. */
  @BeforeAll
  static void clearScreenshots() throws IOException {
    if (Files.isDirectory(screenshots())) {
      try (Stream<Path> files = Files.list(screenshots())) {
        for (Path file : files.filter(f -> f.toString().endsWith(".png")).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @AfterEach
  void closeClient() {
    http.close();
  }

  @Test
  void devMode_signInCompleteLiveReorderFaultAxeAndScreenshots(@TempDir Path dir) throws Exception {
    Path database = dir.resolve("intro.db");
    Map<String, String> env =
        Map.of(
            "INTRO_HTTP_HOST", "127.0.0.1",
            "INTRO_HTTP_PORT", "0",
            "INTRO_DB_URL", "jdbc:sqlite:" + database,
            "INTRO_AUTH_MODE", "dev",
            "INTRO_DEMO_DATA", "true");
    try (Server server = IntroPageApp.start(env, List.of());
        FaultHook faults =
            FaultHook.start(database, server.uri(), () -> devToken(server.uri(), "ops"))) {
      NodeRun run =
          runScenarios(
              Map.of(
                  "INTRO_BASE_URL",
                  base(server.uri()),
                  "INTRO_FAULT_URL",
                  faults.uri().toString()));

      assertThat(run.status()).as(run.report()).isZero();
      assertThat(run.allPassed()).as(run.report()).isTrue();
      assertThat(screenshots().resolve("intro-page-1280.png")).isNotEmptyFile();
      assertThat(screenshots().resolve("intro-page-360.png")).isNotEmptyFile();
    }
  }

  @Test
  void jwtMode_tokenHandedOverInTheAddress_showsTheUsersPage(@TempDir Path dir) throws Exception {
    KeyPair keys = rsaKeys();
    Path pem = dir.resolve("public.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8))
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Map<String, String> env =
        Map.of(
            "INTRO_HTTP_HOST",
            "127.0.0.1",
            "INTRO_HTTP_PORT",
            "0",
            "INTRO_DB_URL",
            "jdbc:sqlite:" + dir.resolve("intro.db"),
            "INTRO_AUTH_JWT_PUBLIC_KEY",
            pem.toString(),
            "INTRO_AUTH_JWT_ISSUER",
            ISSUER,
            "INTRO_AUTH_JWT_AUDIENCE",
            AUDIENCE,
            "INTRO_DEMO_DATA",
            "true");
    Instant now = Instant.now();
    String token =
        Jwts.builder()
            .subject("ada")
            .issuer(ISSUER)
            .audience()
            .add(AUDIENCE)
            .and()
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plus(Duration.ofMinutes(30))))
            .signWith(keys.getPrivate(), Jwts.SIG.RS256)
            .compact();
    try (Server server = IntroPageApp.start(env, List.of())) {
      NodeRun run =
          runScenarios(Map.of("INTRO_BASE_URL", base(server.uri()), "INTRO_ACCESS_TOKEN", token));

      assertThat(run.status()).as(run.report()).isZero();
      assertThat(run.allPassed()).as(run.report()).isTrue();
    }
  }

  /** What a node run printed and how it ended. */
  private record NodeRun(int status, String output) {
    private static final Pattern SUMMARY =
        Pattern.compile("(\\d+) scenarios, (\\d+) passed, (\\d+) failed");

    /** Returns whether the run's summary line counts at least one scenario and every one passed. */
    boolean allPassed() {
      Matcher summary = SUMMARY.matcher(output);
      return summary.find()
          && Integer.parseInt(summary.group(1)) > 0
          && summary.group(1).equals(summary.group(2))
          && summary.group(3).equals("0");
    }

    String report() {
      return "node intro-web/e2e/run.mjs exited with " + status + "; its output:\n" + output;
    }
  }

  private static String base(URI uri) {
    return "http://" + uri.getHost() + ":" + uri.getPort();
  }

  private static Path screenshots() {
    return Path.of("target", "e2e-screenshots").toAbsolutePath();
  }

  /** Runs the scenarios with node, streaming each line of output into this test's own. */
  private static NodeRun runScenarios(Map<String, String> settings) throws Exception {
    Path e2e = e2eDirectory();
    Path node = executable("node");
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    assertThat(Files.isExecutable(chromium))
        .as(
            "the browser tests drive Debian's Chromium at %s; install it with 'apt-get install"
                + " chromium' (scripts/ensure-test-tools.sh does so in the build)",
            chromium)
        .isTrue();
    assertThat(e2e.resolve("node_modules/playwright-core"))
        .as("run 'npm ci' in %s (the build does so before the tests)", e2e)
        .isDirectory();
    Map<String, String> env = new HashMap<>(settings);
    env.put("CHROMIUM_PATH", chromium.toString());
    env.put("SCREENSHOT_DIR", screenshots().toString());
    ProcessBuilder builder =
        new ProcessBuilder(node.toString(), "run.mjs")
            .directory(e2e.toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader lines =
                      new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                      System.out.println("[e2e] " + line);
                      synchronized (output) {
                        output.append(line).append('\n');
                      }
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    boolean ended = process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    reader.join(Duration.ofSeconds(30));
    String text;
    synchronized (output) {
      text = output.toString();
    }
    assertThat(ended).as("node run.mjs ended within %s; its output:%n%s", RUN_LIMIT, text).isTrue();
    return new NodeRun(process.exitValue(), text);
  }

  /** Finds {@code intro-web/e2e} from the working directory (the module's or the project's). */
  private static Path e2eDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("intro-web").resolve("e2e");
      if (Files.isRegularFile(candidate.resolve("run.mjs"))) {
        return candidate;
      }
    }
    throw new AssertionError("no intro-web/e2e/run.mjs above " + Path.of("").toAbsolutePath());
  }

  private static Path executable(String name) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    List<Path> tried = new ArrayList<>();
    for (String entry : path.split(Pattern.quote(File.pathSeparator), -1)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, name);
      tried.add(candidate);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "the browser tests need '"
            + name
            + "' (Node.js 20 or newer) on the PATH; looked in "
            + tried);
  }

  /** Mints a dev token with {@code intro:admin} through the service's dev endpoint. */
  private String devToken(URI service, String user) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(service.resolve("/api/v1/dev/token"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"userId\":\"" + user + "\",\"roles\":[\"intro:admin\"]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher token = TOKEN.matcher(response.body());
      if (response.statusCode() != 200 || !token.find()) {
        throw new IllegalStateException(
            "dev token answered " + response.statusCode() + ": " + response.body());
      }
      return token.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsaKeys() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }
}
