package dev.intropage.rest.security;

import static dev.intropage.rest.security.TestKeys.EC;
import static dev.intropage.rest.security.TestKeys.RSA;
import static dev.intropage.rest.security.TestKeys.SECRET;
import static dev.intropage.rest.security.TestKeys.clock;
import static dev.intropage.rest.security.TestKeys.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtVerifierBuilderTest {
  @Test
  void hmacSecret_under32Bytes_rejectedSayingSo() {
    assertThatThrownBy(() -> JwtVerifier.builder().hmacSecret(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThatCode(() -> JwtVerifier.builder().hmacSecret(new byte[32])).doesNotThrowAnyException();
  }

  @Test
  void allowedClockSkew_over60Seconds_rejected() {
    assertThatThrownBy(() -> JwtVerifier.builder().allowedClockSkew(Duration.ofSeconds(61)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("60 seconds");
    assertThatThrownBy(() -> JwtVerifier.builder().allowedClockSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> JwtVerifier.builder().allowedClockSkew(Duration.ofSeconds(60)))
        .doesNotThrowAnyException();
  }

  @Test
  void build_withoutKeySource_rejected() {
    assertThatThrownBy(() -> JwtVerifier.builder().issuer("https://auth").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no key source");
  }

  @Test
  void publicKeyPem_notAPem_rejected() {
    assertThatThrownBy(() -> JwtVerifier.builder().publicKeyPem("hello"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN PUBLIC KEY");
    assertThatThrownBy(
            () ->
                JwtVerifier.builder()
                    .publicKeyPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publicKeyPem_weakRsaKey_rejected() {
    assertThatThrownBy(
            () -> JwtVerifier.builder().publicKeyPem(pem(TestKeys.rsa(1024).getPublic())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2048");
  }

  @Test
  void publicKeyPem_ecKeyOffP256_rejected() {
    assertThatThrownBy(
            () -> JwtVerifier.builder().publicKeyPem(pem(TestKeys.ec("secp384r1").getPublic())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
  }

  @Test
  void publicKeyPem_rsaAndEc_bothAccepted() {
    assertThatCode(
            () ->
                JwtVerifier.builder()
                    .publicKeyPem(pem(RSA.getPublic()))
                    .publicKeyPem(pem(EC.getPublic()))
                    .build())
        .doesNotThrowAnyException();
  }

  @Test
  void jwks_otherScheme_rejected() {
    assertThatThrownBy(() -> JwtVerifier.builder().jwks(URI.create("ftp://example.com/jwks")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtVerifier.builder().jwks(URI.create("jwks.json")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void minRefetchInterval_notPositive_rejected() {
    assertThatThrownBy(() -> JwtVerifier.builder().minRefetchInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void issuerAndAudience_blank_rejected() {
    assertThatThrownBy(() -> JwtVerifier.builder().issuer(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtVerifier.builder().audience(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretsRandom_givesFreshBytesOfTheAskedLength() {
    byte[] first = Secrets.random(32);
    byte[] second = Secrets.random(48);

    assertThat(first).hasSize(32);
    assertThat(second).hasSize(48);
    assertThat(first).isNotEqualTo(Secrets.random(32));
    assertThatThrownBy(() -> Secrets.random(16)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenMinter_rejectsShortSecretBlankUserAndNonPositiveTtl() {
    assertThatThrownBy(() -> TokenMinter.hs256(new byte[31], clock()))
        .isInstanceOf(IllegalArgumentException.class);
    TokenMinter minter = TokenMinter.hs256(SECRET, clock());
    assertThatThrownBy(() -> minter.mint(" ", Set.of(), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minter.mint("ada", Set.of(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
