package dev.intropage.rest.security;

import java.security.SecureRandom;

/** Makes random secrets, such as the HS256 secret of the service's dev mode. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /**
   * Returns this many bytes from a {@link SecureRandom}.
   *
   * @throws IllegalArgumentException if fewer than {@value JwtVerifier.Builder#MIN_SECRET_BYTES}
   *     bytes are asked for, too few for an HS256 secret
   */
  public static byte[] random(int bytes) {
    if (bytes < JwtVerifier.Builder.MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "a secret needs at least " + JwtVerifier.Builder.MIN_SECRET_BYTES + " bytes");
    }
    byte[] secret = new byte[bytes];
    RANDOM.nextBytes(secret);
    return secret;
  }
}
