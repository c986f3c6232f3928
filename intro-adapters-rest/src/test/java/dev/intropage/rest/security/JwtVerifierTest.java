package dev.intropage.rest.security;

import static dev.intropage.rest.security.TestKeys.EC;
import static dev.intropage.rest.security.TestKeys.NOW;
import static dev.intropage.rest.security.TestKeys.OTHER_RSA;
import static dev.intropage.rest.security.TestKeys.RSA;
import static dev.intropage.rest.security.TestKeys.SECRET;
import static dev.intropage.rest.security.TestKeys.base64Url;
import static dev.intropage.rest.security.TestKeys.claims;
import static dev.intropage.rest.security.TestKeys.clock;
import static dev.intropage.rest.security.TestKeys.pem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.rest.Caller;
import dev.intropage.rest.InvalidTokenException;
import dev.intropage.rest.TokenVerifier;
import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {
  private final TokenVerifier hmac =
      JwtVerifier.builder().hmacSecret(SECRET).clock(clock()).build();
  private final TokenVerifier rsa =
      JwtVerifier.builder().publicKeyPem(pem(RSA.getPublic())).clock(clock()).build();
  private final TokenVerifier ec =
      JwtVerifier.builder().publicKeyPem(pem(EC.getPublic())).clock(clock()).build();

  private static String hs256(io.jsonwebtoken.JwtBuilder claims) {
    return claims.signWith(new SecretKeySpec(SECRET, "HmacSHA256"), Jwts.SIG.HS256).compact();
  }

  private static String rs256(io.jsonwebtoken.JwtBuilder claims) {
    return claims.signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();
  }

  private static void assertRefused(TokenVerifier verifier, String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage(reason);
  }

  @Nested
  class Accepts {
    @Test
    void verify_hs256WithSecret_returnsSubjectAndRoles() {
      Caller caller = hmac.verify(hs256(claims()));

      assertThat(caller).isEqualTo(new Caller("ada", Set.of("intro:admin", "reader")));
      assertThat(caller.isAdmin()).isTrue();
    }

    @Test
    void verify_rs256WithRsaPem_returnsSubjectAndRoles() {
      assertThat(rsa.verify(rs256(claims())))
          .isEqualTo(new Caller("ada", Set.of("intro:admin", "reader")));
    }

    @Test
    void verify_es256WithEcPem_returnsSubjectAndRoles() {
      String token = claims().signWith(EC.getPrivate(), Jwts.SIG.ES256).compact();

      assertThat(ec.verify(token)).isEqualTo(new Caller("ada", Set.of("intro:admin", "reader")));
    }

    @Test
    void verify_severalKeySources_eachAlgorithmFindsItsKey() {
      TokenVerifier all =
          JwtVerifier.builder()
              .hmacSecret(SECRET)
              .publicKeyPem(pem(RSA.getPublic()))
              .publicKeyPem(pem(EC.getPublic()))
              .clock(clock())
              .build();

      assertThat(all.verify(hs256(claims())).userId()).isEqualTo("ada");
      assertThat(all.verify(rs256(claims())).userId()).isEqualTo("ada");
      assertThat(all.verify(claims().signWith(EC.getPrivate(), Jwts.SIG.ES256).compact()).userId())
          .isEqualTo("ada");
    }

    @Test
    void verify_noRolesClaim_returnsNoRoles() {
      assertThat(hmac.verify(hs256(claims().claim("roles", null))).roles()).isEmpty();
    }

    @Test
    void verify_tokenFromMinter_accepted() {
      TokenMinter minter =
          TokenMinter.hs256(SECRET, clock()).withIssuer("intro-dev").withAudience("intro-page");
      TokenVerifier verifier =
          JwtVerifier.builder()
              .hmacSecret(SECRET)
              .issuer("intro-dev")
              .audience("intro-page")
              .clock(clock())
              .build();

      String token = minter.mint("grace", Set.of("reader"), Duration.ofMinutes(1));

      assertThat(verifier.verify(token)).isEqualTo(new Caller("grace", Set.of("reader")));
    }

    @Test
    void verify_secretArrayChangedAfterBuild_stillVerifies() {
      byte[] secret = SECRET.clone();
      TokenVerifier verifier = JwtVerifier.builder().hmacSecret(secret).clock(clock()).build();
      secret[0] ^= 1;

      assertThat(verifier.verify(hs256(claims())).userId()).isEqualTo("ada");
    }
  }

  @Nested
  class RefusesMalformed {
    @Test
    void verify_emptyOrBlank_missingToken() {
      assertRefused(hmac, "", "missing token");
      assertRefused(hmac, "  ", "missing token");
    }

    @Test
    void verify_garbage_malformedToken() {
      assertRefused(hmac, "not a token", "malformed token");
      assertRefused(hmac, "a.b.c", "malformed token");
      assertRefused(hmac, "eyJhbGciOiJIUzI1NiJ9.@@@.###", "malformed token");
    }

    @Test
    void verify_hugeToken_malformedWithoutParsing() {
      assertRefused(hmac, "a".repeat(JwtVerifier.MAX_TOKEN_LENGTH + 1), "malformed token");
    }

    @Test
    void verify_failureMessage_neverContainsTheToken() {
      String token = hs256(claims().expiration(Date.from(NOW.minusSeconds(1))));

      assertThatThrownBy(() -> hmac.verify(token))
          .hasMessageNotContaining(token)
          .hasMessageNotContaining(token.substring(0, token.indexOf('.')));
    }
  }

  @Nested
  class RefusesAlgorithms {
    @Test
    void verify_algNone_refused() {
      String payload =
          "{\"sub\":\"ada\",\"roles\":[\"intro:admin\"],\"exp\":"
              + NOW.plusSeconds(300).getEpochSecond()
              + "}";
      String unsecured = base64Url("{\"alg\":\"none\"}") + "." + base64Url(payload) + ".";

      assertRefused(hmac, unsecured, "unsupported algorithm");
      assertRefused(rsa, unsecured, "unsupported algorithm");
    }

    @Test
    void verify_hs256SignedWithRsaPublicKeyDer_refused() {
      byte[] der = RSA.getPublic().getEncoded();
      String forged =
          claims().signWith(new SecretKeySpec(der, "HmacSHA256"), Jwts.SIG.HS256).compact();

      assertRefused(rsa, forged, "unsupported algorithm");
      assertThatThrownBy(() -> rsa.verify(forged)).hasNoCause(); // the allow-list, not JJWT
    }

    @Test
    void verify_hs256SignedWithRsaPublicKeyPemText_refused() {
      byte[] pemBytes = pem(RSA.getPublic()).getBytes(UTF_8);
      String forged =
          claims().signWith(new SecretKeySpec(pemBytes, "HmacSHA256"), Jwts.SIG.HS256).compact();

      assertRefused(rsa, forged, "unsupported algorithm");
      assertThatThrownBy(() -> rsa.verify(forged)).hasNoCause(); // the allow-list, not JJWT
    }

    @Test
    void verify_otherRsaAlgorithmThanRs256_refused() {
      String rs512 = claims().signWith(RSA.getPrivate(), Jwts.SIG.RS512).compact();
      String ps256 = claims().signWith(RSA.getPrivate(), Jwts.SIG.PS256).compact();

      assertRefused(rsa, rs512, "unsupported algorithm");
      assertRefused(rsa, ps256, "unsupported algorithm");
    }

    @Test
    void verify_rs256WhenOnlySecretConfigured_refused() {
      assertRefused(hmac, rs256(claims()), "unsupported algorithm");
    }

    @Test
    void verify_hs512WithTheConfiguredSecret_refused() {
      byte[] longSecret = new String(SECRET, UTF_8).repeat(2).getBytes(UTF_8);
      TokenVerifier verifier = JwtVerifier.builder().hmacSecret(longSecret).clock(clock()).build();
      String hs512 =
          claims().signWith(new SecretKeySpec(longSecret, "HmacSHA512"), Jwts.SIG.HS512).compact();

      assertRefused(verifier, hs512, "unsupported algorithm");
    }

    @Test
    void verify_encryptedToken_refused() {
      String jwe =
          claims()
              .encryptWith(
                  new SecretKeySpec(new byte[16], "AES"), Jwts.KEY.A128KW, Jwts.ENC.A128GCM)
              .compact();

      assertRefused(hmac, jwe, "unsupported algorithm");
    }
  }

  @Nested
  class RefusesSignatures {
    @Test
    void verify_rs256ByAnotherKey_badSignature() {
      String token = claims().signWith(OTHER_RSA.getPrivate(), Jwts.SIG.RS256).compact();

      assertRefused(rsa, token, "bad signature");
    }

    @Test
    void verify_hs256WithAnotherSecret_badSignature() {
      byte[] other = Secrets.random(32);
      String token =
          claims().signWith(new SecretKeySpec(other, "HmacSHA256"), Jwts.SIG.HS256).compact();

      assertRefused(hmac, token, "bad signature");
    }

    @Test
    void verify_payloadSwapped_badSignature() {
      String token = rs256(claims());
      String forgedPayload =
          base64Url(
              "{\"sub\":\"mallory\",\"roles\":[\"intro:admin\"],\"exp\":"
                  + NOW.plusSeconds(300).getEpochSecond()
                  + "}");
      String header = token.substring(0, token.indexOf('.'));
      String signature = token.substring(token.lastIndexOf('.') + 1);

      assertRefused(rsa, header + "." + forgedPayload + "." + signature, "bad signature");
    }
  }

  @Nested
  class RefusesClaims {
    @Test
    void verify_expired_tokenExpired() {
      assertRefused(
          hmac, hs256(claims().expiration(Date.from(NOW.minusSeconds(10)))), "token expired");
    }

    @Test
    void verify_expiredWithinSkew_accepted() {
      TokenVerifier lenient =
          JwtVerifier.builder()
              .hmacSecret(SECRET)
              .clock(clock())
              .allowedClockSkew(Duration.ofSeconds(30))
              .build();

      assertThat(
              lenient.verify(hs256(claims().expiration(Date.from(NOW.minusSeconds(10))))).userId())
          .isEqualTo("ada");
      assertRefused(
          lenient, hs256(claims().expiration(Date.from(NOW.minusSeconds(31)))), "token expired");
    }

    @Test
    void verify_notBeforeInTheFuture_notYetValid() {
      assertRefused(
          hmac, hs256(claims().notBefore(Date.from(NOW.plusSeconds(60)))), "token not yet valid");
    }

    @Test
    void verify_notBeforeInThePast_accepted() {
      assertThat(hmac.verify(hs256(claims().notBefore(Date.from(NOW.minusSeconds(60))))).userId())
          .isEqualTo("ada");
    }

    @Test
    void verify_issuer_mustMatchWhenRequired() {
      TokenVerifier verifier =
          JwtVerifier.builder().hmacSecret(SECRET).issuer("https://auth").clock(clock()).build();

      assertThat(verifier.verify(hs256(claims().issuer("https://auth"))).userId()).isEqualTo("ada");
      assertRefused(verifier, hs256(claims().issuer("https://evil")), "wrong issuer");
      assertRefused(verifier, hs256(claims()), "wrong issuer");
    }

    @Test
    void verify_audience_mustMatchWhenRequired() {
      TokenVerifier verifier =
          JwtVerifier.builder().hmacSecret(SECRET).audience("intro-page").clock(clock()).build();

      assertThat(verifier.verify(hs256(claims().audience().add("intro-page").and())).userId())
          .isEqualTo("ada");
      assertThat(
              verifier
                  .verify(hs256(claims().audience().add("other").add("intro-page").and()))
                  .userId())
          .isEqualTo("ada");
      assertRefused(verifier, hs256(claims().audience().add("other-app").and()), "wrong audience");
      assertRefused(verifier, hs256(claims()), "wrong audience");
    }

    @Test
    void verify_missingSubject_refused() {
      assertRefused(hmac, hs256(claims().subject(null)), "missing subject");
      assertRefused(hmac, hs256(claims().subject(" ")), "missing subject");
    }

    @Test
    void verify_missingExpiry_refused() {
      assertRefused(hmac, hs256(claims().expiration(null)), "missing expiry");
    }

    @Test
    void verify_rolesNotAList_refused() {
      assertRefused(
          hmac, hs256(claims().claim("roles", "intro:admin")), "roles must be a list of strings");
    }

    @Test
    void verify_rolesNotStrings_refused() {
      assertRefused(
          hmac, hs256(claims().claim("roles", List.of(1, 2))), "roles must be a list of strings");
    }
  }
}
