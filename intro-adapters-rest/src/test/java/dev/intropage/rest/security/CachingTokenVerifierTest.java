package dev.intropage.rest.security;

import static dev.intropage.rest.security.TestKeys.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.rest.Caller;
import dev.intropage.rest.InvalidTokenException;
import dev.intropage.rest.security.TestKeys.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A token the full check accepted is not checked again while it stays valid, and what the cache
 * returns is what checking again would: tokens past their expiry or before their start are checked
 * again, refusals and long tokens are never remembered, and the remembered text is bounded.
 */
class CachingTokenVerifierTest {
  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final Caller ADA = new Caller("ada", Set.of("reader"));

  private final MutableClock clock = new MutableClock(NOW);
  private final FullCheck check = new FullCheck();
  private final CachingTokenVerifier verifier = new CachingTokenVerifier(check, clock, SKEW);

  /** Stands in for JJWT: accepts the tokens it was told about, counting every check. */
  private final class FullCheck implements Function<String, VerifiedToken> {
    final Map<String, VerifiedToken> accepted = new HashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    String accept(String token, Instant expiresAt, @Nullable Instant notBefore) {
      accepted.put(token, new VerifiedToken(ADA, expiresAt, notBefore));
      return token;
    }

    String accept(String token) {
      return accept(token, NOW.plus(Duration.ofMinutes(5)), null);
    }

    @Override
    public VerifiedToken apply(String token) {
      calls.incrementAndGet();
      VerifiedToken verified = accepted.get(token);
      if (verified == null) {
        throw new InvalidTokenException("bad signature");
      }
      Instant now = clock.instant();
      if (!now.isBefore(verified.expiresAt().plus(SKEW))) {
        throw new InvalidTokenException("token expired");
      }
      if (verified.notBefore() != null && now.isBefore(verified.notBefore().minus(SKEW))) {
        throw new InvalidTokenException("token not yet valid");
      }
      return verified;
    }
  }

  private void assertRefused(String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage(reason);
  }

  @Test
  void verify_sameTokenAgain_sameCallerWithoutCheckingAgain() {
    String token = check.accept("token-a");

    Caller first = verifier.verify(token);
    Caller second = verifier.verify(new String(token.toCharArray()));

    assertThat(first).isEqualTo(ADA);
    assertThat(second).isEqualTo(first);
    assertThat(check.calls).hasValue(1);
  }

  @Test
  void verify_cachedTokenPastExpiryAndSkew_checkedAgainAndRefused() {
    String token = check.accept("token-a", NOW.plusSeconds(20), null);
    verifier.verify(token);

    clock.advance(Duration.ofSeconds(49));
    assertThat(verifier.verify(token)).isEqualTo(ADA);
    assertThat(check.calls).as("still within expiry and skew").hasValue(1);
    clock.advance(Duration.ofSeconds(1));

    assertRefused(token, "token expired");
    assertThat(check.calls).hasValue(2);
  }

  @Test
  void verify_clockMovedBeforeACachedTokensNotBeforeAndSkew_checkedAgainAndRefused() {
    String token = check.accept("token-a", NOW.plusSeconds(300), NOW.minusSeconds(10));
    verifier.verify(token);

    clock.advance(Duration.ofSeconds(-40));
    assertThat(verifier.verify(token)).isEqualTo(ADA);
    assertThat(check.calls).as("exactly at not-before minus skew").hasValue(1);
    clock.advance(Duration.ofSeconds(-1));

    assertRefused(token, "token not yet valid");
    assertThat(check.calls).hasValue(2);
  }

  @Test
  void verify_cachedLongerThanTheReverifyInterval_checkedAgain() {
    String token = check.accept("token-a");
    verifier.verify(token);

    clock.advance(CachingTokenVerifier.REVERIFY_AFTER.minusSeconds(1));
    verifier.verify(token);
    assertThat(check.calls).hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    verifier.verify(token);

    assertThat(check.calls).hasValue(2);
  }

  @Test
  void verify_checkedAgain_isRememberedFromThen() {
    String token = check.accept("token-a");
    verifier.verify(token);
    clock.advance(CachingTokenVerifier.REVERIFY_AFTER);
    verifier.verify(token);

    clock.advance(CachingTokenVerifier.REVERIFY_AFTER.minusSeconds(1));
    verifier.verify(token);

    assertThat(check.calls).hasValue(2);
  }

  @Test
  void verify_refusedTokens_areCheckedEveryTime() {
    assertRefused("unknown", "bad signature");
    assertRefused("unknown", "bad signature");

    assertThat(check.calls).hasValue(2);
  }

  @Test
  void verify_aTokenAcceptedAfterARefusal_isRemembered() {
    assertRefused("token-a", "bad signature");
    check.accept("token-a");

    verifier.verify("token-a");
    verifier.verify("token-a");

    assertThat(check.calls).hasValue(2);
  }

  @Test
  void verify_tokensLongerThanTheCachedLimit_checkedEveryTime() {
    String longest = check.accept("a".repeat(CachingTokenVerifier.MAX_CACHED_TOKEN_LENGTH));
    String tooLong = check.accept("b".repeat(CachingTokenVerifier.MAX_CACHED_TOKEN_LENGTH + 1));

    verifier.verify(longest);
    verifier.verify(longest);
    assertThat(check.calls).hasValue(1);
    verifier.verify(tooLong);
    verifier.verify(tooLong);

    assertThat(check.calls).hasValue(3);
  }

  @Test
  void verify_manyTokens_rememberedTextStaysWithinTheBound() {
    CachingTokenVerifier small = new CachingTokenVerifier(check, clock, SKEW, 1_000);
    for (int i = 0; i < 200; i++) {
      small.verify(check.accept("token-%046d".formatted(i)));
    }

    assertThat(small.cachedCharacters()).isPositive().isLessThanOrEqualTo(1_000);
  }

  @Test
  void defaultBound_isTheDocumentedOne() {
    assertThat(verifier.maxCachedCharacters())
        .isEqualTo(CachingTokenVerifier.MAX_CACHED_CHARACTERS);
  }
}
