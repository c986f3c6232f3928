package dev.intropage.rest.security;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import dev.intropage.rest.Caller;
import dev.intropage.rest.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Remembers the tokens a full check accepted, by their exact text, and accepts them again without
 * that check for at most {@link #REVERIFY_AFTER}, as Dropwizard's {@code CachingAuthenticator} does
 * for credentials. A client sends the same token with every request, and checking its signature
 * each time is a large part of serving a cached page.
 *
 * <p>A remembered token is still held to its {@code exp} and {@code nbf}, with the same clock and
 * skew as the full check; once outside them, or once {@link #REVERIFY_AFTER} has passed, it goes
 * through the full check again, which refuses it or remembers it anew. Refused tokens and tokens
 * longer than {@link #MAX_CACHED_TOKEN_LENGTH} are never remembered, and the remembered text is
 * bounded by {@link #MAX_CACHED_CHARACTERS}. A key withdrawn from a JWK set therefore stops being
 * honoured for tokens already seen only after {@link #REVERIFY_AFTER}.
 *
 * <p>Thread-safe.
 */
final class CachingTokenVerifier implements TokenVerifier {
  /** The longest token remembered; longer ones go through the full check every time. */
  static final int MAX_CACHED_TOKEN_LENGTH = 4 * 1024;

  /** The most characters of token text remembered at once, which bounds the cache's heap. */
  static final long MAX_CACHED_CHARACTERS = 8L * 1024 * 1024;

  /** How long an accepted token is remembered before it goes through the full check again. */
  static final Duration REVERIFY_AFTER = Duration.ofSeconds(60);

  private final Function<String, VerifiedToken> check;
  private final Clock clock;
  private final Duration skew;
  private final Cache<String, Remembered> remembered;

  /** An accepted token and when the full check accepted it. */
  private record Remembered(VerifiedToken token, Instant verifiedAt) {}

  /**
   * Creates the cache in front of a full check.
   *
   * @param check verifies a token in full, throwing {@link
   *     dev.intropage.rest.InvalidTokenException} when it refuses it
   * @param clock the clock the full check judges {@code exp} and {@code nbf} by
   * @param skew how far the full check lets {@code exp} and {@code nbf} be off
   */
  CachingTokenVerifier(Function<String, VerifiedToken> check, Clock clock, Duration skew) {
    this(check, clock, skew, MAX_CACHED_CHARACTERS);
  }

  CachingTokenVerifier(
      Function<String, VerifiedToken> check, Clock clock, Duration skew, long maxCharacters) {
    this.check = requireNonNull(check, "check");
    this.clock = requireNonNull(clock, "clock");
    this.skew = requireNonNull(skew, "skew");
    this.remembered =
        Caffeine.newBuilder()
            .maximumWeight(maxCharacters)
            .<String, Remembered>weigher((token, entry) -> token.length())
            .expireAfterWrite(REVERIFY_AFTER)
            .build();
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.intropage.rest.InvalidTokenException as the full check does
   */
  @Override
  public Caller verify(String token) {
    if (token.length() > MAX_CACHED_TOKEN_LENGTH) {
      return check.apply(token).caller();
    }
    Remembered known = remembered.getIfPresent(token);
    if (known != null) {
      if (stillAccepted(known, clock.instant())) {
        return known.token().caller();
      }
      remembered.asMap().remove(token, known);
    }
    Instant now = clock.instant();
    VerifiedToken accepted = check.apply(token);
    remembered.put(token, new Remembered(accepted, now));
    return accepted.caller();
  }

  private boolean stillAccepted(Remembered known, Instant now) {
    Instant notBefore = known.token().notBefore();
    return now.isBefore(known.verifiedAt().plus(REVERIFY_AFTER))
        && now.isBefore(known.token().expiresAt().plus(skew))
        && (notBefore == null || !now.isBefore(notBefore.minus(skew)));
  }

  /** Returns how many characters of token text are remembered now; for tests. */
  long cachedCharacters() {
    remembered.cleanUp();
    return remembered
        .policy()
        .eviction()
        .map(Policy.Eviction::weightedSize)
        .orElseThrow()
        .orElseThrow();
  }

  /** Returns the most characters of token text this remembers; for tests. */
  long maxCachedCharacters() {
    return remembered.policy().eviction().map(Policy.Eviction::getMaximum).orElseThrow();
  }
}
