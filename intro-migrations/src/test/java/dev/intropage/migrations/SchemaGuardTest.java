package dev.intropage.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.migrations.MigrationException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the runner refuses before changing a schema. */
class SchemaGuardTest {

  @Test
  void requireSupported_unsupportedEngine_refuses() {
    MigrationStatus old = status("13.9", false, List.of());

    assertThatThrownBy(() -> SchemaGuard.requireSupported(old))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ENGINE))
        .hasMessageContaining("POSTGRESQL 13.9 is not supported");
    assertThatThrownBy(() -> SchemaGuard.requireSafeToApply(old))
        .isInstanceOfSatisfying(
            MigrationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ENGINE));
  }

  @Test
  void requireSafeToApply_drift_refusesNamingTheScripts() {
    MigrationStatus drifted = status("16.4", true, List.of("version 3: checksum", "version 4: x"));

    assertThatCode(() -> SchemaGuard.requireSupported(drifted)).doesNotThrowAnyException();
    assertThatThrownBy(() -> SchemaGuard.requireSafeToApply(drifted))
        .isInstanceOfSatisfying(
            MigrationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DRIFT))
        .hasMessage("DRIFT: applied scripts differ: version 3: checksum; version 4: x");
  }

  @Test
  void requireSafeToApply_supportedWithoutDrift_passes() {
    assertThatCode(() -> SchemaGuard.requireSafeToApply(status("16.4", true, List.of())))
        .doesNotThrowAnyException();
  }

  private static MigrationStatus status(String version, boolean supported, List<String> drift) {
    return new MigrationStatus(
        Engine.POSTGRESQL, version, supported, 0, List.of(), List.of(), drift, false);
  }
}
