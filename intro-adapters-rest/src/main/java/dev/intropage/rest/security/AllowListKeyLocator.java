package dev.intropage.rest.security;

import dev.intropage.rest.InvalidTokenException;
import io.jsonwebtoken.JweHeader;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import java.security.Key;
import org.jspecify.annotations.Nullable;

/**
 * Picks the key for a JWS and refuses any algorithm the key is not allowed: a token with a {@code
 * kid} is checked against the JWK set (when one is configured), any other against the configured
 * secret or public key of its algorithm. Encrypted tokens are refused; unsecured ones never reach
 * this class, as the parser refuses them.
 */
final class AllowListKeyLocator extends LocatorAdapter<Key> {
  private final @Nullable AllowedKey secret;
  private final @Nullable AllowedKey rsa;
  private final @Nullable AllowedKey ec;
  private final @Nullable JwksKeys jwks;

  AllowListKeyLocator(
      @Nullable AllowedKey secret,
      @Nullable AllowedKey rsa,
      @Nullable AllowedKey ec,
      @Nullable JwksKeys jwks) {
    this.secret = secret;
    this.rsa = rsa;
    this.ec = ec;
    this.jwks = jwks;
  }

  @Override
  protected Key locate(JwsHeader header) {
    String algorithm = header.getAlgorithm();
    String kid = header.getKeyId();
    AllowedKey key;
    if (kid != null && jwks != null) {
      key = jwks.find(kid);
    } else {
      key = configured(algorithm);
    }
    if (!key.algorithm().equals(algorithm)) {
      throw new InvalidTokenException("unsupported algorithm");
    }
    return key.key();
  }

  @Override
  protected Key locate(JweHeader header) {
    throw new InvalidTokenException("unsupported algorithm");
  }

  private AllowedKey configured(@Nullable String algorithm) {
    AllowedKey key =
        switch (algorithm == null ? "" : algorithm) {
          case AllowedKey.HS256 -> secret;
          case AllowedKey.RS256 -> rsa;
          case AllowedKey.ES256 -> ec;
          default -> null;
        };
    if (key != null) {
      return key;
    }
    if (jwks != null && secret == null && rsa == null && ec == null) {
      throw new InvalidTokenException("unknown key id"); // only a JWK set, and no kid to look up
    }
    throw new InvalidTokenException("unsupported algorithm");
  }
}
