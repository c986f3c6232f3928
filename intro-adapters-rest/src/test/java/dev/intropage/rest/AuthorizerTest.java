package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import dev.intropage.rest.AccessPolicy.Action;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The caller is only ever the one the authentication filter put into the security context; any
 * other security context, whatever it claims, is unauthenticated.
 */
class AuthorizerTest {
  private final Authorizer authorizer = new Authorizer(new AccessPolicy());

  private static SecurityContext authenticated(String user, String... roles) {
    return new AuthenticationFilter.CallerContext(new Caller(user, Set.of(roles)), true);
  }

  /** A security context some other filter set, claiming a user with every role. */
  private static SecurityContext claiming(@Nullable Principal principal) {
    return new SecurityContext() {
      @Override
      public @Nullable Principal getUserPrincipal() {
        return principal;
      }

      @Override
      public boolean isUserInRole(String role) {
        return true;
      }

      @Override
      public boolean isSecure() {
        return true;
      }

      @Override
      public String getAuthenticationScheme() {
        return "Bearer";
      }
    };
  }

  private static int status(Runnable call) {
    try {
      call.run();
    } catch (ProblemException e) {
      return e.status();
    }
    return 200;
  }

  @Test
  void authorize_ownerOrOperatorReads_ownerAloneWrites() {
    assertThat(authorizer.authorize(authenticated("ada"), Action.READ, "ada"))
        .isEqualTo(UserId.of("ada"));
    assertThat(authorizer.authorize(authenticated("ops", Caller.ADMIN), Action.READ, "ada"))
        .isEqualTo(UserId.of("ada"));
    assertThat(status(() -> authorizer.authorize(authenticated("grace"), Action.READ, "ada")))
        .isEqualTo(403);
    assertThat(
            status(
                () ->
                    authorizer.authorize(authenticated("ops", Caller.ADMIN), Action.WRITE, "ada")))
        .isEqualTo(403);
  }

  @Test
  void operate_operatorsAlone() {
    authorizer.operate(authenticated("ops", Caller.ADMIN));

    assertThat(status(() -> authorizer.operate(authenticated("ada")))).isEqualTo(403);
  }

  @Test
  void aSecurityContextTheFilterDidNotSet_isUnauthenticatedWhateverItClaims() {
    Principal ada = () -> "ada";
    for (SecurityContext security : List.of(claiming(null), claiming(ada))) {
      assertThat(status(() -> authorizer.authorize(security, Action.READ, "ada"))).isEqualTo(401);
      assertThat(status(() -> authorizer.operate(security))).isEqualTo(401);
    }
  }

  @Test
  void authorize_invalidUserId_isRefusedBeforeThePolicy() {
    assertThatThrownBy(() -> authorizer.authorize(authenticated("ada"), Action.READ, "cache"))
        .isInstanceOf(dev.intropage.core.model.InvalidInputException.class);
  }
}
