package dev.intropage.core.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.PreferenceWriter.FieldError;
import dev.intropage.core.personalization.PreferenceWriter.PreferencesOutcome;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The preferences use case over an in-memory store: each rule, and the races a store reports. */
class PreferenceServiceTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final UserId ADA = UserId.of("ada");
  private static final UserId GRACE = UserId.of("grace");
  private static final Set<String> KNOWN = Set.of("statistics", "actions", "activity", "system");
  private static final Set<String> REQUIRED = Set.of("system");

  /** SHA-256 of {@code "preferences&DARK&&&&&&0"}: the dark theme at version 0. */
  private static final String DARK_HASH =
      "37239b14086d36d8cd60910ec9700f8dc35d86ceea78feb3d0ec8c7f0a745aac";

  /** SHA-256 of the full update's canonical form at version 2 (see the test that pins it). */
  private static final String FULL_HASH =
      "82d4b882a8e287b37375eb9e501c62041f12c0f70e31c0883c8ac5cb66b863e3";

  private final FakePreferenceStore store = new FakePreferenceStore(ADA, GRACE);
  private final PreferenceWriter writer =
      PreferenceWriter.over(store, Clock.fixed(NOW, ZoneOffset.UTC));

  private PreferencesOutcome update(PreferenceUpdate update, long version, String key) {
    return writer.update(ADA, update, version, key, KNOWN, REQUIRED);
  }

  private static PreferenceUpdate theme(Theme theme) {
    return new PreferenceUpdate(
        Optional.of(theme),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static Preferences dark(long version) {
    return new Preferences(
        ADA,
        Optional.of(Theme.DARK),
        Optional.empty(),
        List.of(),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        version);
  }

  @Nested
  class Rules {
    @Test
    void update_validForAUserWithNone_storesVersionOneAndRecordsTheKey() {
      PreferencesOutcome outcome = update(theme(Theme.DARK), 0, "k1");

      assertThat(outcome).isEqualTo(PreferencesOutcome.applied(dark(1)));
      assertThat(store.stored(ADA)).contains(dark(1));
      assertThat(store.recorded(ADA, "k1"))
          .contains(new PreferenceStore.Recorded(DARK_HASH, dark(1)));
    }

    @Test
    void update_presentFieldsReplaceTheStoredOnesAndTheVersionGrowsByOne() {
      store.committed().preferences.put(ADA, dark(1));
      PreferenceUpdate update =
          new PreferenceUpdate(
              Optional.of(Theme.LIGHT),
              Optional.of(Density.COMPACT),
              Optional.of(List.of("activity", "actions")),
              Optional.of(Set.of("statistics")),
              Optional.of("Europe/Paris"),
              Optional.of("fr-CA"));

      Preferences stored = update(update, 1, "k1").preferences().orElseThrow();

      assertThat(stored.theme()).contains(Theme.LIGHT);
      assertThat(stored.density()).contains(Density.COMPACT);
      assertThat(stored.sectionOrder()).containsExactly("activity", "actions");
      assertThat(stored.hiddenSections()).containsExactly("statistics");
      assertThat(stored.zone()).contains(ZoneId.of("Europe/Paris"));
      assertThat(stored.locale()).contains(Locale.CANADA_FRENCH);
      assertThat(stored.version()).isEqualTo(2);
      assertThat(store.stored(ADA)).contains(stored);
    }

    @Test
    void update_invalid_returnsEveryFieldErrorAndOpensNoTransaction() {
      PreferenceUpdate update =
          new PreferenceUpdate(
              Optional.empty(),
              Optional.empty(),
              Optional.of(List.of("activity", "weather")),
              Optional.of(Set.of("system")),
              Optional.of("Mars/Olympus"),
              Optional.empty());

      PreferencesOutcome outcome = update(update, 0, "k1");

      assertThat(outcome.kind()).isEqualTo(PreferencesOutcome.Kind.INVALID);
      assertThat(outcome.errors())
          .extracting(FieldError::field)
          .containsExactlyInAnyOrder("sectionOrder", "hiddenSections", "zone");
      assertThat(store.transactions).isZero();
      assertThat(store.stored(ADA)).isEmpty();
    }

    @Test
    void update_invalidWithAKeyUsedBefore_isInvalidRatherThanReused() {
      update(theme(Theme.DARK), 0, "k1");
      PreferenceUpdate badZone =
          new PreferenceUpdate(
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.of("Mars/Olympus"),
              Optional.empty());

      PreferencesOutcome outcome = update(badZone, 1, "k1");

      assertThat(outcome.kind()).isEqualTo(PreferencesOutcome.Kind.INVALID);
      assertThat(store.stored(ADA)).contains(dark(1));
    }

    @Test
    void update_unknownUser_isAnInvalidUserIdAndStoresNothing() {
      PreferencesOutcome outcome =
          writer.update(UserId.of("nobody"), theme(Theme.DARK), 0, "k1", KNOWN, REQUIRED);

      assertThat(outcome)
          .isEqualTo(PreferencesOutcome.invalid(List.of(new FieldError("userId", "no such user"))));
      assertThat(store.committed().preferences).isEmpty();
      assertThat(store.committed().records).isEmpty();
    }

    @Test
    void update_staleVersion_isAConflictAndKeepsTheStoredOnes() {
      update(theme(Theme.DARK), 0, "k1");

      PreferencesOutcome stale = update(theme(Theme.LIGHT), 0, "k2");
      PreferencesOutcome ahead = update(theme(Theme.LIGHT), 2, "k3");

      assertThat(stale).isEqualTo(PreferencesOutcome.versionConflict());
      assertThat(ahead).isEqualTo(PreferencesOutcome.versionConflict());
      assertThat(store.stored(ADA)).contains(dark(1));
      assertThat(store.committed().records).hasSize(1);
    }
  }

  @Nested
  class Idempotency {
    @Test
    void update_repeatedKeyAndRequest_returnsTheFirstOutcomeWithoutApplyingAgain() {
      PreferencesOutcome first = update(theme(Theme.DARK), 0, "k1");

      PreferencesOutcome again = update(theme(Theme.DARK), 0, "k1");

      assertThat(again).isEqualTo(first);
      assertThat(store.stored(ADA)).contains(dark(1));
    }

    @Test
    void update_repeatedKeyWithAnotherRequest_isRefusedAsReused() {
      update(theme(Theme.DARK), 0, "k1");

      PreferencesOutcome otherTheme = update(theme(Theme.LIGHT), 1, "k1");
      PreferencesOutcome otherVersion = update(theme(Theme.DARK), 1, "k1");

      assertThat(otherTheme).isEqualTo(PreferencesOutcome.keyReused());
      assertThat(otherVersion).isEqualTo(PreferencesOutcome.keyReused());
      assertThat(store.stored(ADA)).contains(dark(1));
    }

    @Test
    void update_keysAreTheUsers_soAnotherUserMayUseTheSameKey() {
      update(theme(Theme.DARK), 0, "k1");

      PreferencesOutcome graces = writer.update(GRACE, theme(Theme.DARK), 0, "k1", KNOWN, REQUIRED);

      assertThat(graces.kind()).isEqualTo(PreferencesOutcome.Kind.APPLIED);
      assertThat(store.stored(GRACE)).isPresent();
    }

    @Test
    void update_recordsTheRequestHashInTheFormStoredBefore() {
      store.committed().preferences.put(ADA, dark(2));
      PreferenceUpdate update =
          new PreferenceUpdate(
              Optional.of(Theme.LIGHT),
              Optional.of(Density.COMPACT),
              Optional.of(List.of("activity", "actions")),
              Optional.of(Set.of("system", "statistics")),
              Optional.of("Europe/Paris"),
              Optional.of("fr-CA"));

      writer.update(ADA, update, 2, "k1", KNOWN, Set.of());

      // SHA-256 of "preferences&LIGHT&COMPACT&%3Dactivity%2Cactions&%3Dstatistics%2Csystem
      // &%3DEurope%2FParis&%3Dfr-CA&2": each field percent-encoded, a hidden set sorted.
      assertThat(store.recorded(ADA, "k1").orElseThrow().requestHash()).isEqualTo(FULL_HASH);
    }

    @Test
    void update_blankOrOverlongKey_isRefusedBeforeAnyTransaction() {
      assertThatThrownBy(() -> update(theme(Theme.DARK), 0, " "))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> update(theme(Theme.DARK), 0, "k".repeat(256)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store.transactions).isZero();
      assertThat(update(theme(Theme.DARK), 0, "k".repeat(255)).kind())
          .isEqualTo(PreferencesOutcome.Kind.APPLIED);
    }
  }

  @Nested
  class Races {
    @Test
    void update_anotherWriterStoredFirst_isAConflictAndRecordsNothing() {
      store.beforeStore(state -> state.preferences.put(ADA, dark(1)));

      PreferencesOutcome outcome = update(theme(Theme.LIGHT), 0, "k1");

      assertThat(outcome).isEqualTo(PreferencesOutcome.versionConflict());
      assertThat(store.stored(ADA)).contains(dark(1));
      assertThat(store.committed().records).isEmpty();
    }

    @Test
    void update_theSameRequestStoredFirst_replaysItsOutcome() {
      store.beforeStore(
          state -> {
            state.preferences.put(ADA, dark(1));
            state.record(ADA, "k1", new PreferenceStore.Recorded(DARK_HASH, dark(1)));
          });

      assertThat(update(theme(Theme.DARK), 0, "k1")).isEqualTo(PreferencesOutcome.applied(dark(1)));
    }

    @Test
    void update_keyRecordedConcurrentlyForAnotherRequest_rollsBackAndIsRefusedAsReused() {
      store.beforeRecord(
          state -> state.record(ADA, "k1", new PreferenceStore.Recorded("other", dark(5))));

      PreferencesOutcome outcome = update(theme(Theme.LIGHT), 0, "k1");

      assertThat(outcome).isEqualTo(PreferencesOutcome.keyReused());
      assertThat(store.stored(ADA)).isEmpty();
      assertThat(store.transactions).isEqualTo(2);
    }

    @Test
    void update_keyTakenOnTheRetryToo_failsAndChangesNothing() {
      store.keyAlwaysTaken();

      assertThatThrownBy(() -> update(theme(Theme.DARK), 0, "k1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("idempotency key");
      assertThat(store.stored(ADA)).isEmpty();
      assertThat(store.transactions).isEqualTo(2);
    }
  }
}
