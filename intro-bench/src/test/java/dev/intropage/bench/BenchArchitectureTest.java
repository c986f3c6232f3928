package dev.intropage.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.intropage.app.IntroPageApp;
import dev.intropage.bench.load.BaselineService;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Package ownership checked from intro-bench, the one module that sees intro-app and every other
 * module: intro-app's own architecture test cannot scan this module, which depends on it. Main and
 * test classes of every module on the class path are scanned.
 */
class BenchArchitectureTest {
  /**
   * No class loaded from outside {@code home} (a module's classes directory or jar path) declares a
   * package under {@code dev.intropage.app}: the service's package belongs to intro-app alone, so
   * only its public API is reachable from elsewhere.
   */
  static ArchRule appPackageOnlyIn(String home) {
    return noClasses()
        .that(
            DescribedPredicate.describe(
                "are loaded from outside " + home,
                (JavaClass type) ->
                    type.getSource()
                        .map(source -> !source.getUri().getSchemeSpecificPart().contains(home))
                        .orElse(true)))
        .should()
        .resideInAPackage("dev.intropage.app..")
        .as("no class outside the intro-app module declares a package under dev.intropage.app");
  }

  /** The file-system path a class was loaded from: its module's classes directory or jar. */
  static String home(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The benchmarks measure what an embedder gets: core's exported API, never its internals. */
  static final ArchRule BENCHMARKS_USE_PUBLIC_API =
      noClasses()
          .that()
          .resideInAPackage("dev.intropage.bench..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.intropage.core.internal..")
          .as("benchmarks use no internal package of core");

  private static final String INTRO_APP = home(IntroPageApp.class);

  private static final JavaClasses ALL = new ClassFileImporter().importPackages("dev.intropage");

  @Test
  void scan_holdsTheAppAndThisModulesMainAndTestClasses() {
    assertThat(ALL.contain(IntroPageApp.class)).isTrue();
    assertThat(ALL.contain(BaselineService.class)).isTrue();
    assertThat(ALL.contain(BenchArchitectureTest.class)).isTrue();
    assertThat(ALL.containPackage("dev.intropage.core")).isTrue();
  }

  @Test
  void appPackage_isDeclaredOnlyInIntroApp() {
    appPackageOnlyIn(INTRO_APP).check(ALL);
  }

  @Test
  void benchmarks_useCoresPublicApiOnly() {
    BENCHMARKS_USE_PUBLIC_API.check(
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.intropage.bench"));
  }

  @Test
  void benchmarkUsingCoreInternals_isReported() {
    JavaClasses breaking =
        new ClassFileImporter().importClasses(ArchFixtureUsesCoreInternals.class);
    assertThatThrownBy(() -> BENCHMARKS_USE_PUBLIC_API.check(breaking))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.intropage.core.internal.StructuredScope");
  }

  @Test
  void appPackageDeclaredByAnotherModule_isReported() {
    JavaClasses app = new ClassFileImporter().importClasses(IntroPageApp.class);
    // Seen from this module as home, intro-app's class is one declared elsewhere.
    assertThatThrownBy(() -> appPackageOnlyIn(home(BaselineService.class)).check(app))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("dev.intropage.app.IntroPageApp");
  }
}
