package dev.intropage.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java type that docs/architecture.md names in code (a capitalised name with lower case, such
 * as {@code PageLayout}; constants such as {@code KEY} are not types) is declared in the
 * repository.
 */
class ArchitectureDocsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern CODE =
      Pattern.compile("`([A-Z][A-Z0-9]*[a-z][A-Za-z0-9]*)(\\.[A-Za-z.]+)?`");

  @Test
  void everyTypeTheArchitectureNames_isDeclared() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/architecture.md"));
    Set<String> named = new LinkedHashSet<>();
    Matcher code = CODE.matcher(doc);
    while (code.find()) {
      named.add(code.group(1));
    }
    List<String> sources = sources();

    assertThat(named).hasSizeGreaterThan(20);
    assertThat(named)
        .allSatisfy(
            type ->
                assertThat(sources)
                    .as("a declaration of %s", type)
                    .anyMatch(
                        Pattern.compile("\\b(class|interface|record|enum) " + type + "\\b")
                            .asPredicate()));
  }

  @Test
  void check_wouldReportATypeThatIsNotDeclared() throws IOException {
    assertThat(sources())
        .noneMatch(
            Pattern.compile("\\b(class|interface|record|enum) NoSuchEngine\\b").asPredicate());
  }

  private static List<String> sources() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !file.toString().contains("/target/"))
          .map(ArchitectureDocsTest::read)
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
