package dev.intropage.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.intropage.jdbc.archfixture.JdbcDecidesAndWires;
import dev.intropage.jdbc.archfixture.JdbcUsesJettyAndRest;
import dev.intropage.rest.archfixture.RestUsesJdbcAndInternals;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules between modules, checked here where every module is on the class path:
 * adapters never depend on each other, the container, HK2 and the logging backend stay in the app,
 * and core's internals stay in core. Each rule is shown to bite on a fixture class.
 */
class ModuleArchitectureTest {
  /** Each adapter module may use core but no other adapter, and none may use the app. */
  static ArchRule adapterIndependent(String adapter, String... others) {
    return noClasses()
        .that()
        .resideInAPackage(adapter)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .as(adapter + " depends on no other adapter and not on the app");
  }

  static final ArchRule REST_INDEPENDENT =
      adapterIndependent(
          "dev.intropage.rest..",
          "dev.intropage.jdbc..",
          "dev.intropage.migrations..",
          "dev.intropage.app..");

  static final ArchRule JDBC_INDEPENDENT =
      adapterIndependent(
          "dev.intropage.jdbc..",
          "dev.intropage.rest..",
          "dev.intropage.migrations..",
          "dev.intropage.app..");

  static final ArchRule MIGRATIONS_INDEPENDENT =
      adapterIndependent(
          "dev.intropage.migrations..",
          "dev.intropage.rest..",
          "dev.intropage.jdbc..",
          "dev.intropage.app..");

  static final ArchRule RUNTIME_ONLY_IN_APP =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.intropage.app..")
          .and()
          .resideInAPackage("dev.intropage..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.glassfish.hk2..",
              "org.jvnet.hk2..",
              "org.glassfish.jersey.inject.hk2..",
              "org.eclipse.jetty..",
              "org.glassfish.jersey.jetty..",
              "org.glassfish.grizzly..",
              "ch.qos.logback..")
          .as("HK2, the HTTP container and the logging backend appear only in intro-app");

  static final ArchRule INTERNALS_STAY_IN_CORE =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.intropage.core..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.intropage.core.internal..")
          .as("nothing outside core touches core's internal packages");

  static final ArchRule ADAPTERS_DECIDE_NOTHING =
      noClasses()
          .that()
          .resideInAnyPackage("dev.intropage.jdbc..", "dev.intropage.migrations..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.intropage.core.actions.ActionItemWriter")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.intropage.core.personalization.PreferenceWriter")
          .as("persistence adapters only load and store: the write use cases decide in core");

  static final ArchRule ONLY_THE_APP_WIRES =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.intropage.rest..", "dev.intropage.jdbc..", "dev.intropage.migrations..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.intropage.core.IntroPageEngine$Builder")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.intropage.core.sections.IntroSections")
          .as("only intro-app wires the engine, its sections and the adapters together");

  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.intropage");

  @Nested
  class Modules {
    @Test
    void everyModuleIsOnTheClassPath() {
      for (String module :
          new String[] {
            "dev.intropage.core",
            "dev.intropage.migrations",
            "dev.intropage.jdbc",
            "dev.intropage.rest",
            "dev.intropage.app"
          }) {
        assertThat(ALL.containPackage(module)).as(module).isTrue();
      }
    }

    @Test
    void adaptersIndependent() {
      REST_INDEPENDENT.check(ALL);
      JDBC_INDEPENDENT.check(ALL);
      MIGRATIONS_INDEPENDENT.check(ALL);
    }

    @Test
    void runtimeOnlyInApp() {
      RUNTIME_ONLY_IN_APP.check(ALL);
    }

    @Test
    void internalsStayInCore() {
      INTERNALS_STAY_IN_CORE.check(ALL);
    }

    @Test
    void adaptersDecideNothing() {
      ADAPTERS_DECIDE_NOTHING.check(ALL);
    }

    @Test
    void onlyTheAppWires() {
      ONLY_THE_APP_WIRES.check(ALL);
    }
  }

  @Nested
  class RulesBite {
    private final JavaClasses breaking =
        new ClassFileImporter()
            .importClasses(RestUsesJdbcAndInternals.class, JdbcUsesJettyAndRest.class);

    @Test
    void adapterUsingAnotherAdapter_isReported() {
      assertThatThrownBy(() -> REST_INDEPENDENT.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dev.intropage.jdbc.DataSources");
      assertThatThrownBy(() -> JDBC_INDEPENDENT.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("dev.intropage.rest.Caller");
    }

    @Test
    void containerOutsideTheApp_isReported() {
      assertThatThrownBy(() -> RUNTIME_ONLY_IN_APP.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("org.eclipse.jetty.server.Server");
    }

    @Test
    void adapterRunningAUseCase_isReported() {
      JavaClasses deciding = new ClassFileImporter().importClasses(JdbcDecidesAndWires.class);
      assertThatThrownBy(() -> ADAPTERS_DECIDE_NOTHING.check(deciding))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("ActionItemWriter");
      assertThatThrownBy(() -> ONLY_THE_APP_WIRES.check(deciding))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("IntroSections")
          .hasMessageContaining("IntroPageEngine$Builder");
    }

    @Test
    void coreInternalsOutsideCore_isReported() {
      assertThatThrownBy(() -> INTERNALS_STAY_IN_CORE.check(breaking))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("StructuredScope");
    }
  }
}
