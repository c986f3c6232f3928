package dev.intropage.rest.security;

import static java.util.Objects.requireNonNull;

import dev.intropage.rest.Caller;
import dev.intropage.rest.InvalidTokenException;
import dev.intropage.rest.TokenVerifier;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.KeyException;
import io.jsonwebtoken.security.SignatureException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies bearer JWTs (compact JWS) with JJWT and returns the {@link Caller} they name.
 *
 * <p>A token is accepted only if it is signed with a configured key under the one algorithm that
 * key allows (HS256 for the secret, RS256 for an RSA key, ES256 for an EC P-256 key, for a JWK its
 * declared algorithm), has not expired ({@code exp} is required), is not before its {@code nbf},
 * has a {@code sub}, matches the issuer and audience when those are set, and carries {@code roles}
 * (if at all) as a list of strings. Unsecured ({@code alg: none}) and encrypted tokens are refused.
 * Every refusal is an {@link InvalidTokenException} whose message is a short reason such as "token
 * expired" or "bad signature", never the token or key material.
 *
 * {@snippet :
 * TokenVerifier verifier =
 *     JwtVerifier.builder()
 *         .publicKeyPem(Files.readString(Path.of("auth.pem")))
 *         .issuer("https://auth.example.com")
 *         .audience("intro-page")
 *         .allowedClockSkew(Duration.ofSeconds(30))
 *         .build();
 * Caller caller = verifier.verify(token);
 * }
 *
 * <p>The verifier {@link Builder#build()} returns remembers the tokens it accepted for up to a
 * minute, still holding them to their {@code exp} and {@code nbf}, so that a client's token is not
 * checked in full with every request. A key withdrawn from a JWK set is therefore still honoured,
 * for up to that minute, for tokens already seen.
 *
 * <p>Thread-safe.
 */
public final class JwtVerifier implements TokenVerifier {
  /** The longest token looked at; longer ones are refused before parsing. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private static final String ROLES = "roles";

  private final JwtParser parser;

  private JwtVerifier(JwtParser parser) {
    this.parser = parser;
  }

  /** Returns a builder with no key source, no issuer or audience, the UTC clock and no skew. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidTokenException if the token is missing, malformed, badly signed, signed with an
   *     algorithm its key does not allow, expired, not yet valid, for another issuer or audience,
   *     or lacks {@code sub} or {@code exp}
   */
  @Override
  public Caller verify(String token) {
    return check(token).caller();
  }

  /**
   * Verifies the token in full and returns its caller with its validity window.
   *
   * @throws InvalidTokenException as {@link #verify(String)} does
   */
  VerifiedToken check(String token) {
    if (token.isBlank()) {
      throw new InvalidTokenException("missing token");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidTokenException("malformed token");
    }
    Claims claims = parse(token);
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("missing subject");
    }
    Date expiration = claims.getExpiration();
    if (expiration == null) {
      throw new InvalidTokenException("missing expiry");
    }
    Date notBefore = claims.getNotBefore();
    return new VerifiedToken(
        new Caller(subject, roles(claims.get(ROLES))),
        expiration.toInstant(),
        notBefore == null ? null : notBefore.toInstant());
  }

  private Claims parse(String token) {
    try {
      return parser.parseSignedClaims(token).getPayload();
    } catch (InvalidTokenException e) {
      throw e; // from the key locator, with its reason
    } catch (ExpiredJwtException e) {
      throw new InvalidTokenException("token expired", e);
    } catch (PrematureJwtException e) {
      throw new InvalidTokenException("token not yet valid", e);
    } catch (InvalidClaimException e) {
      String claim = e.getClaimName();
      throw new InvalidTokenException(
          Claims.ISSUER.equals(claim)
              ? "wrong issuer"
              : Claims.AUDIENCE.equals(claim) ? "wrong audience" : "invalid claim",
          e);
    } catch (SignatureException e) {
      throw new InvalidTokenException("bad signature", e);
    } catch (UnsupportedJwtException | KeyException e) {
      throw new InvalidTokenException("unsupported algorithm", e);
    } catch (JwtException | IllegalArgumentException e) {
      throw new InvalidTokenException("malformed token", e);
    }
  }

  private static Set<String> roles(@Nullable Object claim) {
    if (claim == null) {
      return Set.of();
    }
    if (!(claim instanceof List<?> list)) {
      throw new InvalidTokenException("roles must be a list of strings");
    }
    Set<String> roles = new HashSet<>();
    for (Object role : list) {
      if (!(role instanceof String name)) {
        throw new InvalidTokenException("roles must be a list of strings");
      }
      roles.add(name);
    }
    return roles;
  }

  /**
   * Configures and builds a {@link JwtVerifier}. At least one key source is required: an HMAC
   * secret, a PEM public key, a JWK set, or several of these. Setting a source again replaces it
   * (one RSA and one EC public key may be set side by side).
   *
   * <p>Not thread-safe; {@link #build()} takes a snapshot, so later changes do not affect built
   * verifiers.
   */
  public static final class Builder {
    /** The shortest HS256 secret accepted, in bytes (RFC 7518 section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    /** The largest clock skew accepted. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    /** How long a JWK set is trusted before an unknown {@code kid} may trigger a reload. */
    public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /** How long a JWK set is used before the next token has it loaded again. */
    public static final Duration DEFAULT_JWKS_MAX_AGE = Duration.ofMinutes(5);

    private byte @Nullable [] secret;
    private @Nullable AllowedKey rsa;
    private @Nullable AllowedKey ec;
    private @Nullable URI jwks;
    private Duration minRefetchInterval = DEFAULT_MIN_REFETCH_INTERVAL;
    private Duration jwksMaxAge = DEFAULT_JWKS_MAX_AGE;
    private @Nullable String issuer;
    private @Nullable String audience;
    private Clock clock = Clock.systemUTC();
    private Duration allowedClockSkew = Duration.ZERO;

    private Builder() {}

    /**
     * Accepts HS256 tokens signed with this secret (copied).
     *
     * @throws IllegalArgumentException if the secret is shorter than {@value #MIN_SECRET_BYTES}
     *     bytes
     */
    public Builder hmacSecret(byte[] secret) {
      requireNonNull(secret, "secret");
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException(
            "HS256 secret must be at least "
                + MIN_SECRET_BYTES
                + " bytes, was "
                + secret.length
                + " bytes");
      }
      this.secret = secret.clone();
      return this;
    }

    /**
     * Accepts tokens signed by the holder of this public key: RS256 for an RSA key (2048 bits or
     * more), ES256 for an EC P-256 key.
     *
     * @param pem an X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----})
     * @throws IllegalArgumentException if the text is not such a key
     */
    public Builder publicKeyPem(String pem) {
      AllowedKey key = PublicKeys.fromPem(requireNonNull(pem, "pem"));
      if (key.algorithm().equals(AllowedKey.RS256)) {
        this.rsa = key;
      } else {
        this.ec = key;
      }
      return this;
    }

    /**
     * Accepts tokens whose {@code kid} names a key of the JWK set at this location, loaded when
     * first needed and reloaded on an unknown {@code kid} at most once per {@linkplain
     * #minRefetchInterval(Duration) interval}.
     *
     * @param location a {@code file:} or {@code https:} URI, or {@code http:} on this machine's
     *     loopback
     * @throws IllegalArgumentException if the URI has another scheme, or is {@code http:} to
     *     another host, where anyone on the way could swap the keys
     */
    public Builder jwks(URI location) {
      requireNonNull(location, "location");
      String scheme = JwksKeys.scheme(location);
      if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("JWK set location must be a file:, http: or https: URI");
      }
      if (scheme.equals("http") && !loopback(location.getHost())) {
        throw new IllegalArgumentException(
            "JWK set location must use https unless it is on this machine's loopback");
      }
      this.jwks = location;
      return this;
    }

    /**
     * Sets how long a loaded JWK set is used before the next token has it loaded again, so that a
     * withdrawn key stops being trusted; five minutes by default.
     *
     * @throws IllegalArgumentException if the age is not positive
     */
    public Builder jwksMaxAge(Duration maxAge) {
      requireNonNull(maxAge, "maxAge");
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("jwksMaxAge must be positive");
      }
      this.jwksMaxAge = maxAge;
      return this;
    }

    private static boolean loopback(@Nullable String host) {
      if (host == null) {
        return false;
      }
      String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      return name.equalsIgnoreCase("localhost")
          || name.startsWith("127.")
          || name.equals("::1")
          || name.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * Sets the shortest time between two loads of the JWK set triggered by unknown key ids; 30
     * seconds by default.
     *
     * @throws IllegalArgumentException if the interval is not positive
     */
    public Builder minRefetchInterval(Duration interval) {
      requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("minRefetchInterval must be positive");
      }
      this.minRefetchInterval = interval;
      return this;
    }

    /**
     * Requires the {@code iss} claim to equal this issuer.
     *
     * @throws IllegalArgumentException if the issuer is blank
     */
    public Builder issuer(String issuer) {
      this.issuer = nonBlank(issuer, "issuer");
      return this;
    }

    /**
     * Requires the {@code aud} claim to contain this audience.
     *
     * @throws IllegalArgumentException if the audience is blank
     */
    public Builder audience(String audience) {
      this.audience = nonBlank(audience, "audience");
      return this;
    }

    /** Sets the clock that {@code exp} and {@code nbf} are checked against; UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how far, in whole seconds, {@code exp} and {@code nbf} may be off; none by default.
     *
     * @throws IllegalArgumentException if the skew is negative or over {@link #MAX_CLOCK_SKEW}
     */
    public Builder allowedClockSkew(Duration skew) {
      requireNonNull(skew, "skew");
      if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
        throw new IllegalArgumentException(
            "allowedClockSkew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " seconds");
      }
      this.allowedClockSkew = skew;
      return this;
    }

    /**
     * Builds a verifier from the current settings: a {@link JwtVerifier} behind a cache of the
     * tokens it accepted.
     *
     * @throws IllegalStateException if no key source is set
     */
    public TokenVerifier build() {
      if (secret == null && rsa == null && ec == null && jwks == null) {
        throw new IllegalStateException(
            "no key source: set hmacSecret, publicKeyPem or jwks before build()");
      }
      Clock clock = this.clock;
      AllowedKey secretKey = secret == null ? null : hmacKey(secret);
      JwksKeys jwksKeys =
          jwks == null ? null : JwksKeys.at(jwks, clock, minRefetchInterval, jwksMaxAge);
      JwtParserBuilder parser =
          Jwts.parser()
              .keyLocator(new AllowListKeyLocator(secretKey, rsa, ec, jwksKeys))
              .clock(() -> Date.from(clock.instant()))
              .clockSkewSeconds(allowedClockSkew.toSeconds());
      if (issuer != null) {
        parser.requireIssuer(issuer);
      }
      if (audience != null) {
        parser.requireAudience(audience);
      }
      JwtVerifier verifier = new JwtVerifier(parser.build());
      return new CachingTokenVerifier(
          verifier::check, clock, Duration.ofSeconds(allowedClockSkew.toSeconds()));
    }

    private static AllowedKey hmacKey(byte[] secret) {
      SecretKey key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), "HmacSHA256");
      return new AllowedKey(key, AllowedKey.HS256);
    }

    private static String nonBlank(String value, String name) {
      requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
