package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/check-jdk.sh, which the build runs first: finds a JDK 21+ or says what to install. */
class CheckJdkScriptTest {
  private record Result(int status, String output) {}

  private static Result run(Path root, Path home) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("..", "scripts", "check-jdk.sh").toString())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("JAVA"));
    env.put("HOME", home.toString());
    env.put("INTRO_JDK_SEARCH_ROOT", root.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static void jdk(Path home, String version) throws Exception {
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path javac = Files.writeString(home.resolve("bin/javac"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(javac, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void noJdk_stopsSayingWhatToInstall(@TempDir Path dir) throws Exception {
    Result result = run(dir.resolve("root"), dir.resolve("home"));

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.output())
        .contains("needs a JDK 21 or newer", "apt-get install openjdk-21-jdk-headless", "~/.jdks");
  }

  @Test
  void onlyAnOlderJdk_stillStops(@TempDir Path dir) throws Exception {
    jdk(dir.resolve("root/usr/lib/jvm/java-17"), "17.0.15");

    assertThat(run(dir.resolve("root"), dir.resolve("home")).status()).isEqualTo(1);
  }

  @Test
  void jdk21InSystemFolderOrHome_passes(@TempDir Path dir) throws Exception {
    jdk(dir.resolve("root/usr/lib/jvm/temurin-21"), "21.0.5");
    assertThat(run(dir.resolve("root"), dir.resolve("home")).status()).isZero();

    jdk(dir.resolve("home2/.jdks/jdk-25"), "25");
    assertThat(run(dir.resolve("empty"), dir.resolve("home2")).status()).isZero();
  }
}
