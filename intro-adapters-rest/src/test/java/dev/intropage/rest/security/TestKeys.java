package dev.intropage.rest.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Real keys and token builders for the verifier's tests. Key pairs are made once per run. */
final class TestKeys {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final KeyPair RSA = rsa(2048);
  static final KeyPair OTHER_RSA = rsa(2048);
  static final KeyPair EC = ec("secp256r1");
  static final byte[] SECRET = "an HS256 secret of thirty-two+ bytes!".getBytes(UTF_8);

  private TestKeys() {}

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the key as an X.509 SubjectPublicKeyInfo PEM. */
  static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** A fixed clock at {@link #NOW}. */
  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  /** Claims of a valid token for ada, an admin, issued now and expiring in five minutes. */
  static JwtBuilder claims() {
    return Jwts.builder()
        .subject("ada")
        .claim("roles", List.of("intro:admin", "reader"))
        .issuedAt(Date.from(NOW))
        .expiration(Date.from(NOW.plus(Duration.ofMinutes(5))));
  }

  static String base64Url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
