package dev.intropage.rest.security;

import static java.util.Objects.requireNonNull;

import java.security.Key;

/**
 * A verification key and the one JWS algorithm it may verify: the allow-list that stops {@code
 * none} and key confusion (an HMAC token checked against a public key's bytes).
 *
 * @param key the key
 * @param algorithm the JWS {@code alg} this key accepts, such as {@code RS256}
 */
record AllowedKey(Key key, String algorithm) {
  static final String HS256 = "HS256";
  static final String RS256 = "RS256";
  static final String ES256 = "ES256";

  AllowedKey {
    requireNonNull(key, "key");
    requireNonNull(algorithm, "algorithm");
  }
}
