package dev.intropage.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.intropage.archfixture.UsesCoreInternals;
import dev.intropage.core.archfixture.UsesForbiddenApis;
import dev.intropage.core.archfixture.cyclea.CycleA;
import dev.intropage.core.archfixture.cycleb.CycleB;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Holds intro-core's boundaries: what core may depend on, no package cycles, independent sections,
 * internals private to core. Each rule is shown to bite on a class that breaks it.
 */
class CoreArchitectureTest {
  /** The section packages; none may depend on another. */
  static final List<String> SECTIONS =
      List.of("statistics", "system", "actions", "activity", "personalization");

  static final ArchRule ONLY_ALLOWED_DEPENDENCIES =
      classes()
          .that()
          .resideInAPackage("dev.intropage.core..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "dev.failsafe..",
              "com.github.benmanes.caffeine..",
              "org.jspecify..",
              "dev.intropage.core..")
          .as("core depends only on the JDK, Failsafe, Caffeine, JSpecify and itself");

  static final ArchRule NO_JDBC_LOGGING_OR_ENTERPRISE_APIS =
      noClasses()
          .that()
          .resideInAPackage("dev.intropage.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "java.util.logging..", "javax..", "jakarta..")
          .as(
              "core uses no JDBC, no java.util.logging (System.Logger instead), no javax or jakarta");

  static final ArchRule NO_PACKAGE_CYCLES =
      SlicesRuleDefinition.slices()
          .assignedFrom(new PackageSlices())
          .should()
          .beFreeOfCycles()
          .as("core's packages are free of cycles");

  static final ArchRule SECTIONS_INDEPENDENT = sectionsIndependent();

  static final ArchRule INTERNALS_STAY_IN_CORE =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.intropage.core..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.intropage.core.internal..")
          .as("nothing outside core touches core's internal packages");

  private static ArchRule sectionsIndependent() {
    String[] others =
        SECTIONS.stream().map(s -> "dev.intropage.core." + s + "..").toArray(String[]::new);
    return classes()
        .that()
        .resideInAnyPackage(others)
        .should(
            new com.tngtech.archunit.lang.ArchCondition<JavaClass>(
                "depend on no other section package, and on the kernel only through its API") {
              @Override
              public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                String own = sectionOf(item.getPackageName());
                item.getDirectDependenciesFromSelf()
                    .forEach(
                        dependency -> {
                          String target = dependency.getTargetClass().getPackageName();
                          String other = sectionOf(target);
                          boolean engineInsides =
                              target.startsWith("dev.intropage.core.internal")
                                  || target.equals("dev.intropage.core.sections")
                                  || (target.equals("dev.intropage.core")
                                      && !dependency
                                          .getTargetClass()
                                          .getModifiers()
                                          .contains(
                                              com.tngtech.archunit.core.domain.JavaModifier
                                                  .PUBLIC));
                          if ((other != null && !other.equals(own)) || engineInsides) {
                            events.add(
                                com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                    dependency, dependency.getDescription()));
                          }
                        });
              }
            })
        .as("section packages do not depend on each other, and on the kernel only through its API");
  }

  static final ArchRule KERNEL_KNOWS_NO_SECTIONS =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.intropage.core", "dev.intropage.core.internal..", "dev.intropage.core.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              java.util.stream.Stream.concat(
                      SECTIONS.stream(), java.util.stream.Stream.of("sections"))
                  .map(s -> "dev.intropage.core." + s + "..")
                  .toArray(String[]::new))
          .as("the engine kernel knows no section");

  private static @org.jspecify.annotations.Nullable String sectionOf(String packageName) {
    for (String section : SECTIONS) {
      String root = "dev.intropage.core." + section;
      if (packageName.equals(root) || packageName.startsWith(root + ".")) {
        return section;
      }
    }
    return null;
  }

  /** Every package of core is its own slice, the root package included. */
  static final class PackageSlices implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.startsWith("dev.intropage.core")
          ? SliceIdentifier.of(name)
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "core packages";
    }
  }

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.intropage.core");

  @Nested
  class Core {
    @Test
    void onlyAllowedDependencies() {
      ONLY_ALLOWED_DEPENDENCIES.check(CORE);
      NO_JDBC_LOGGING_OR_ENTERPRISE_APIS.check(CORE);
    }

    @Test
    void noPackageCycles() {
      NO_PACKAGE_CYCLES.check(CORE);
    }

    @Test
    void sectionsIndependent() {
      SECTIONS_INDEPENDENT.check(CORE);
    }

    @Test
    void kernelKnowsNoSections() {
      KERNEL_KNOWS_NO_SECTIONS.check(CORE);
    }

    @Test
    void internalsStayInCore() {
      assertThat(CORE.containPackage("dev.intropage.core.internal")).isTrue();
      // Core's own classes are all inside core; intro-app checks the rule over every module.
      INTERNALS_STAY_IN_CORE.allowEmptyShould(true).check(CORE);
    }
  }

  @Nested
  class RulesBite {
    @Test
    void forbiddenDependency_isReported() {
      JavaClasses breaking = new ClassFileImporter().importClasses(UsesForbiddenApis.class);
      assertThatThrownBy(() -> ONLY_ALLOWED_DEPENDENCIES.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("org.assertj");
      assertThatThrownBy(() -> NO_JDBC_LOGGING_OR_ENTERPRISE_APIS.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("java.sql.Connection");
    }

    @Test
    void packageCycle_isReported() {
      JavaClasses breaking = new ClassFileImporter().importClasses(CycleA.class, CycleB.class);
      assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Cycle detected");
    }

    @Test
    void sectionUsingAnotherSection_isReported() throws ClassNotFoundException {
      JavaClasses breaking =
          new ClassFileImporter()
              .importClasses(
                  Class.forName(
                      "dev.intropage.core.activity.ArchFixtureReachesIntoPersonalization"));
      assertThatThrownBy(() -> SECTIONS_INDEPENDENT.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dev.intropage.core.personalization.Preferences$Theme");
    }

    @Test
    void kernelUsingASection_isReported() {
      JavaClasses breaking =
          new ClassFileImporter().importClasses(ArchFixtureKernelKnowsStatistics.class);
      assertThatThrownBy(() -> KERNEL_KNOWS_NO_SECTIONS.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dev.intropage.core.statistics.UserStatistics");
    }

    @Test
    void sectionUsingTheKernelsInsides_isReported() throws ClassNotFoundException {
      JavaClasses breaking =
          new ClassFileImporter()
              .importClasses(
                  Class.forName("dev.intropage.core.statistics.ArchFixtureUsesTheScope"));
      assertThatThrownBy(() -> SECTIONS_INDEPENDENT.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dev.intropage.core.internal.StructuredScope");
    }

    @Test
    void internalsUsedFromOutside_isReported() {
      JavaClasses breaking = new ClassFileImporter().importClasses(UsesCoreInternals.class);
      assertThatThrownBy(() -> INTERNALS_STAY_IN_CORE.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("StructuredScope");
    }
  }
}
