package dev.intropage.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.IntroPageEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example in the README compiles against the core and prints a page. */
class ReadmeExampleTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void readmeExample_compilesAndAssemblesAPage(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher block = JAVA_BLOCK.matcher(readme);
    assertThat(block.find()).as("README has a java block").isTrue();
    Path source = dir.resolve("EmbeddingExample.java");
    Files.writeString(source, block.group(1));

    String classpath =
        Path.of(IntroPageEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            errors,
            errors,
            List.of("--release", "21", "-cp", classpath, "-d", dir.toString(), source.toString())
                .toArray(String[]::new));
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass("EmbeddingExample").getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("activity FRESH", "weather FRESH", "Sunny in London");
  }
}
