package dev.intropage.rest.security;

import static dev.intropage.rest.security.TestKeys.NOW;
import static dev.intropage.rest.security.TestKeys.SECRET;
import static dev.intropage.rest.security.TestKeys.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.rest.InvalidTokenException;
import dev.intropage.rest.TokenVerifier;
import dev.intropage.rest.security.TestKeys.MutableClock;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.util.Date;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The built verifier remembers accepted tokens (see {@link CachingTokenVerifierTest} for how), and
 * with real tokens what it remembers is what verifying again would accept.
 */
class JwtVerifierCacheTest {
  private final MutableClock clock = new MutableClock(NOW);
  private final TokenVerifier verifier =
      JwtVerifier.builder()
          .hmacSecret(SECRET)
          .clock(clock)
          .allowedClockSkew(Duration.ofSeconds(30))
          .build();

  private static String hs256(JwtBuilder claims) {
    return claims.signWith(new SecretKeySpec(SECRET, "HmacSHA256"), Jwts.SIG.HS256).compact();
  }

  private void assertRefused(String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage(reason);
  }

  @Test
  void verify_cachedTokenPastExpiryAndSkew_tokenExpired() {
    String token = hs256(claims().expiration(Date.from(NOW.plusSeconds(60))));
    verifier.verify(token);

    clock.advance(Duration.ofSeconds(89));
    assertThat(verifier.verify(token).userId()).isEqualTo("ada");
    clock.advance(Duration.ofSeconds(2));
    assertRefused(token, "token expired");
  }

  @Test
  void verify_clockMovedBeforeACachedTokensNotBefore_notYetValid() {
    String token = hs256(claims().notBefore(Date.from(NOW.minusSeconds(10))));
    verifier.verify(token);

    clock.advance(Duration.ofSeconds(-41));

    assertRefused(token, "token not yet valid");
  }

  @Test
  void verify_cachedTokenWithOneSignatureCharacterChanged_badSignature() {
    String token = hs256(claims());
    verifier.verify(token);
    char last = token.charAt(token.length() - 2);
    String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + "A";

    assertRefused(forged, "bad signature");
  }
}
