package dev.intropage.rest;

/** Checks a bearer token and says who it belongs to. Implementations are thread-safe. */
@FunctionalInterface
public interface TokenVerifier {
  /**
   * Verifies a compact token (signature, algorithm, expiry, issuer, audience).
   *
   * @throws InvalidTokenException if the token is not acceptable; its message says why, without
   *     secrets
   */
  Caller verify(String token);
}
