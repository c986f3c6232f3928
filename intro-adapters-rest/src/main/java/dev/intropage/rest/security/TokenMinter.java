package dev.intropage.rest.security;

import static java.util.Objects.requireNonNull;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Issues HS256 tokens that a {@link JwtVerifier} with the same secret accepts: for the service's
 * dev mode and for tests. Immutable and thread-safe.
 *
 * {@snippet :
 * byte[] secret = Secrets.random(32);
 * TokenMinter minter = TokenMinter.hs256(secret, Clock.systemUTC()).withIssuer("intro-dev");
 * String token = minter.mint("ada", Set.of(Caller.ADMIN), Duration.ofHours(1));
 * }
 */
public final class TokenMinter {
  private final SecretKey key;
  private final Clock clock;
  private final @Nullable String issuer;
  private final @Nullable String audience;

  private TokenMinter(
      SecretKey key, Clock clock, @Nullable String issuer, @Nullable String audience) {
    this.key = key;
    this.clock = clock;
    this.issuer = issuer;
    this.audience = audience;
  }

  /**
   * Creates a minter that signs with this secret (copied) and stamps times from this clock.
   *
   * @throws IllegalArgumentException if the secret is shorter than {@value
   *     JwtVerifier.Builder#MIN_SECRET_BYTES} bytes
   */
  public static TokenMinter hs256(byte[] secret, Clock clock) {
    requireNonNull(secret, "secret");
    requireNonNull(clock, "clock");
    if (secret.length < JwtVerifier.Builder.MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "HS256 secret must be at least " + JwtVerifier.Builder.MIN_SECRET_BYTES + " bytes");
    }
    return new TokenMinter(new SecretKeySpec(secret, "HmacSHA256"), clock, null, null);
  }

  /** Returns a copy that sets {@code iss} on every token. */
  public TokenMinter withIssuer(String issuer) {
    return new TokenMinter(key, clock, requireNonNull(issuer, "issuer"), audience);
  }

  /** Returns a copy that sets {@code aud} on every token. */
  public TokenMinter withAudience(String audience) {
    return new TokenMinter(key, clock, issuer, requireNonNull(audience, "audience"));
  }

  /**
   * Returns a compact HS256 token with {@code sub}, {@code roles} (sorted), {@code iat}, {@code
   * exp} and, when configured, {@code iss} and {@code aud}.
   *
   * @throws IllegalArgumentException if the user id is blank or the lifetime is not positive
   */
  public String mint(String userId, Set<String> roles, Duration ttl) {
    requireNonNull(userId, "userId");
    requireNonNull(roles, "roles");
    requireNonNull(ttl, "ttl");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    Instant now = clock.instant();
    JwtBuilder jwt =
        Jwts.builder()
            .subject(userId)
            .claim("roles", roles.stream().sorted().toList())
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plus(ttl)));
    if (issuer != null) {
      jwt.issuer(issuer);
    }
    if (audience != null) {
      jwt.audience().add(audience);
    }
    return jwt.signWith(key, Jwts.SIG.HS256).compact();
  }
}
