package dev.intropage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.app.DevTokenResource.TokenRequest;
import dev.intropage.core.model.InvalidInputException;
import dev.intropage.rest.security.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the dev token endpoint takes: bad roles are the caller's mistake, a 400, never a 500. */
class DevTokenResourceTest {
  private final DevTokenResource resource =
      new DevTokenResource(
          TokenMinter.hs256(
              "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
              Clock.systemUTC()));

  private static void refusedForRoles(List<String> roles) {
    DevTokenResource resource =
        new DevTokenResource(
            TokenMinter.hs256(
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC()));
    assertThatThrownBy(() -> resource.mint(new TokenRequest("ada", roles)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("roles"));
  }

  @Test
  void nullBlankOrTooManyRoles_refusedAsInvalidInput() {
    refusedForRoles(Arrays.asList("reader", null));
    refusedForRoles(List.of(" "));
    refusedForRoles(List.of("r".repeat(DevTokenResource.MAX_ROLE_LENGTH + 1)));
    refusedForRoles(Collections.nCopies(DevTokenResource.MAX_ROLES + 1, "reader"));
  }

  @Test
  void validRoles_areMinted() {
    assertThat(resource.mint(new TokenRequest("ada", List.of("intro:admin")))).containsKey("token");
  }
}
