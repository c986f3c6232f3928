package dev.intropage.rest.security;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads PEM public keys with the JDK's {@link KeyFactory} and checks they suit RS256 or ES256. */
final class PublicKeys {
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";
  private static final int MIN_RSA_BITS = 2048;
  private static final ECParameterSpec P256 = curve("secp256r1");

  private PublicKeys() {}

  /**
   * Parses an X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}) holding an RSA key of 2048
   * bits or more (allowed: RS256) or an EC P-256 key (allowed: ES256).
   *
   * @throws IllegalArgumentException if the text is not such a key; the message holds no key
   *     material
   */
  static AllowedKey fromPem(String pem) {
    int begin = pem.indexOf(BEGIN);
    int end = begin < 0 ? -1 : pem.indexOf(END, begin);
    if (begin < 0 || end < 0) {
      throw new IllegalArgumentException(
          "public key must be an X.509 SubjectPublicKeyInfo PEM (" + BEGIN + ")");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("public key PEM is not valid base64", e);
    }
    PublicKey key = decode(der);
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
        throw new IllegalArgumentException("RSA public key must have at least 2048 bits");
      }
      return new AllowedKey(rsa, AllowedKey.RS256);
    }
    if (key instanceof ECPublicKey ec && isP256(ec)) {
      return new AllowedKey(ec, AllowedKey.ES256);
    }
    throw new IllegalArgumentException("public key must be RSA or EC P-256");
  }

  /** Returns whether the key lies on NIST P-256 (secp256r1), the curve of ES256. */
  static boolean isP256(ECPublicKey key) {
    ECParameterSpec params = key.getParams();
    return params.getCurve().equals(P256.getCurve())
        && params.getGenerator().equals(P256.getGenerator())
        && params.getOrder().equals(P256.getOrder())
        && params.getCofactor() == P256.getCofactor();
  }

  private static PublicKey decode(byte[] der) {
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(spec);
      } catch (InvalidKeySpecException e) {
        // not this algorithm: try the next
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK lacks the " + algorithm + " key factory", e);
      }
    }
    throw new IllegalArgumentException("public key PEM holds no RSA or EC public key");
  }

  private static ECParameterSpec curve(String name) {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(name));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks the " + name + " curve", e);
    }
  }
}
