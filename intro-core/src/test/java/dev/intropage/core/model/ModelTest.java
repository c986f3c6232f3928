package dev.intropage.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTest {
  @ParameterizedTest
  @ValueSource(strings = {"ada", "user-00001", "a.b_c@d:e", "A"})
  void userId_validIds_accepted(String id) {
    assertThat(UserId.of(id).value()).isEqualTo(id);
    assertThat(UserId.of(id)).hasToString(id);
  }

  @Test
  void userId_everyCharacter_acceptedExactlyWhenTheDocumentedPatternAllowsIt() {
    java.util.regex.Pattern documented = java.util.regex.Pattern.compile("[A-Za-z0-9._@:-]{1,128}");
    for (char c = 0; c < 0x2100; c++) {
      String id = "a" + c + "b";
      boolean accepted;
      try {
        UserId.of(id);
        accepted = true;
      } catch (InvalidInputException e) {
        accepted = false;
      }
      assertThat(accepted).as("U+%04X", (int) c).isEqualTo(documented.matcher(id).matches());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "slash/", "ümlaut", "metrics", "cache"})
  void userId_invalidOrReserved_refusedNamingTheField(String id) {
    assertThatThrownBy(() -> UserId.of(id))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("userId");
              assertThat(e.reason()).isNotBlank();
              assertThat(e.getMessage()).startsWith("userId: ");
            });
  }

  @Test
  void userId_lengthBoundAt128() {
    assertThat(UserId.of("a".repeat(128)).value()).hasSize(128);
    assertThatThrownBy(() -> UserId.of("a".repeat(129))).isInstanceOf(InvalidInputException.class);
    assertThat(UserId.of("ada")).isLessThan(UserId.of("grace"));
  }

  @Test
  void userProfile_copiesAndValidates() {
    UserProfile ada = UserProfile.anonymous(UserId.of("ada"));
    assertThat(ada.displayName()).isEqualTo("ada");
    assertThat(ada.lastVisitAt()).isEmpty();
    UserProfile moved =
        ada.withZone(ZoneId.of("Asia/Tokyo"))
            .withLocale(Locale.FRENCH)
            .withLastVisitAt(Instant.EPOCH);
    assertThat(moved.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(moved.locale()).isEqualTo(Locale.FRENCH);
    assertThat(moved.lastVisitAt()).contains(Instant.EPOCH);
    assertThatThrownBy(
            () ->
                new UserProfile(
                    UserId.of("ada"), " ", ZoneId.of("UTC"), Locale.UK, Set.of(), Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
  }

  @Test
  void introPageException_keepsItsCause() {
    IllegalStateException cause = new IllegalStateException("x");
    assertThat(new IntroPageException("wrapped", cause)).hasCause(cause).hasMessage("wrapped");
  }
}
