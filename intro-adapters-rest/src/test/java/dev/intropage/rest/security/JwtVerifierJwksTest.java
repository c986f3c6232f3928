package dev.intropage.rest.security;

import static dev.intropage.rest.security.TestKeys.EC;
import static dev.intropage.rest.security.TestKeys.NOW;
import static dev.intropage.rest.security.TestKeys.OTHER_RSA;
import static dev.intropage.rest.security.TestKeys.RSA;
import static dev.intropage.rest.security.TestKeys.claims;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.intropage.rest.Caller;
import dev.intropage.rest.InvalidTokenException;
import dev.intropage.rest.TokenVerifier;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtVerifierJwksTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  private final TestKeys.MutableClock clock = new TestKeys.MutableClock(NOW);
  private final AtomicReference<String> served = new AtomicReference<>("");
  private final AtomicInteger hits = new AtomicInteger();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/jwks.json",
        exchange -> {
          hits.incrementAndGet();
          byte[] body = served.get().getBytes(UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI httpLocation() {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + "/jwks.json");
  }

  private static final Duration MAX_AGE = Duration.ofMinutes(2);

  private TokenVerifier verifierWithMaxAge(Duration maxAge) {
    return JwtVerifier.builder()
        .jwks(httpLocation())
        .minRefetchInterval(INTERVAL)
        .jwksMaxAge(maxAge)
        .clock(clock)
        .build();
  }

  private TokenVerifier verifier(URI location) {
    return JwtVerifier.builder().jwks(location).minRefetchInterval(INTERVAL).clock(clock).build();
  }

  private static String rsaJwk(KeyPair pair, String kid) {
    PublicJwk<RSAPublicKey> jwk =
        Jwks.builder().key((RSAPublicKey) pair.getPublic()).id(kid).build();
    return Jwks.json(jwk);
  }

  private static String ecJwk(KeyPair pair, String kid) {
    PublicJwk<ECPublicKey> jwk = Jwks.builder().key((ECPublicKey) pair.getPublic()).id(kid).build();
    return Jwks.json(jwk);
  }

  private static String set(String... jwks) {
    return Arrays.stream(jwks).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
  }

  private static String rs256(KeyPair pair, String kid) {
    return claims().header().keyId(kid).and().signWith(pair.getPrivate(), Jwts.SIG.RS256).compact();
  }

  private static String es256(KeyPair pair, String kid) {
    return claims().header().keyId(kid).and().signWith(pair.getPrivate(), Jwts.SIG.ES256).compact();
  }

  private static void assertRefused(TokenVerifier verifier, String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage(reason);
  }

  @Test
  void verify_fileJwks_acceptsRsaAndEcKeysByKid(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, set(rsaJwk(RSA, "rsa-1"), ecJwk(EC, "ec-1")));
    TokenVerifier verifier = verifier(file.toUri());

    assertThat(verifier.verify(rs256(RSA, "rsa-1")))
        .isEqualTo(new Caller("ada", Set.of("intro:admin", "reader")));
    assertThat(verifier.verify(es256(EC, "ec-1")).userId()).isEqualTo("ada");
  }

  @Test
  void verify_httpJwks_acceptsByKidAndCachesTheSet() {
    served.set(set(rsaJwk(RSA, "rsa-1"), ecJwk(EC, "ec-1")));
    TokenVerifier verifier = verifier(httpLocation());

    assertThat(verifier.verify(rs256(RSA, "rsa-1")).userId()).isEqualTo("ada");
    assertThat(verifier.verify(es256(EC, "ec-1")).userId()).isEqualTo("ada");
    assertThat(verifier.verify(rs256(RSA, "rsa-1")).userId()).isEqualTo("ada");

    assertThat(hits).hasValue(1);
  }

  @Test
  void verify_floodOfUnknownKids_refetchesAtMostOncePerInterval() {
    served.set(set(rsaJwk(RSA, "rsa-1")));
    TokenVerifier verifier = verifier(httpLocation());
    verifier.verify(rs256(RSA, "rsa-1"));

    for (int i = 0; i < 100; i++) {
      assertRefused(verifier, rs256(RSA, UUID.randomUUID().toString()), "unknown key id");
    }
    assertThat(hits).as("no refetch inside the interval").hasValue(1);

    clock.advance(INTERVAL.plusSeconds(1));
    for (int i = 0; i < 100; i++) {
      assertRefused(verifier, rs256(RSA, UUID.randomUUID().toString()), "unknown key id");
    }
    assertThat(hits).as("one refetch after the interval").hasValue(2);
  }

  @Test
  void verify_keyAddedToTheSet_foundOnceTheIntervalHasPassed() {
    served.set(set(rsaJwk(RSA, "rsa-1")));
    TokenVerifier verifier = verifier(httpLocation());
    verifier.verify(rs256(RSA, "rsa-1"));
    served.set(set(rsaJwk(RSA, "rsa-1"), rsaJwk(OTHER_RSA, "rsa-2")));
    String rotated = rs256(OTHER_RSA, "rsa-2");

    clock.advance(INTERVAL.minusSeconds(1));
    assertRefused(verifier, rotated, "unknown key id");
    assertThat(hits).hasValue(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(verifier.verify(rotated).userId()).isEqualTo("ada");
    assertThat(hits).hasValue(2);
  }

  @Test
  void verify_keyWithdrawnFromTheSet_honouredForASeenTokenUntilItIsCheckedAgain() {
    served.set(set(rsaJwk(RSA, "rsa-1")));
    TokenVerifier verifier = verifier(httpLocation());
    String seen = rs256(RSA, "rsa-1");
    verifier.verify(seen);
    served.set(set(rsaJwk(OTHER_RSA, "rsa-2")));
    clock.advance(INTERVAL);
    assertThat(verifier.verify(rs256(OTHER_RSA, "rsa-2")).userId()).isEqualTo("ada");
    assertThat(hits).as("the set without rsa-1 is loaded").hasValue(2);

    assertThat(verifier.verify(seen).userId()).isEqualTo("ada");
    clock.advance(CachingTokenVerifier.REVERIFY_AFTER.minus(INTERVAL));

    assertRefused(verifier, seen, "unknown key id");
  }

  @Test
  void verify_keyWithdrawnFromTheSet_refusedOnceTheSetIsOlderThanItsMaxAge() {
    served.set(set(rsaJwk(RSA, "rsa-1")));
    TokenVerifier verifier = verifierWithMaxAge(MAX_AGE);
    verifier.verify(rs256(RSA, "rsa-1"));
    served.set(set(rsaJwk(OTHER_RSA, "rsa-2")));

    clock.advance(MAX_AGE.plusSeconds(1));

    // No unknown key id came, yet the set is looked at again: rsa-1 has gone from it.
    assertRefused(
        verifier,
        claims().id("second").header().keyId("rsa-1").and().signWith(RSA.getPrivate()).compact(),
        "unknown key id");
    assertThat(hits).hasValue(2);
  }

  @Test
  void verify_setOlderThanItsMaxAgeAndItsServerDown_knownKeysKeepWorking() {
    served.set(set(rsaJwk(RSA, "rsa-1")));
    TokenVerifier verifier = verifierWithMaxAge(MAX_AGE);
    verifier.verify(rs256(RSA, "rsa-1"));
    server.stop(0);

    clock.advance(MAX_AGE.plusSeconds(1));

    assertThat(
            verifier
                .verify(
                    claims()
                        .id("second")
                        .header()
                        .keyId("rsa-1")
                        .and()
                        .signWith(RSA.getPrivate())
                        .compact())
                .userId())
        .isEqualTo("ada");
  }

  @Test
  void verify_secretKeyInTheSet_neverTrusted() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 7);
    String oct =
        "{\"kty\":\"oct\",\"kid\":\"hs-1\",\"k\":\""
            + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret)
            + "\"}";
    served.set(set(oct, rsaJwk(RSA, "rsa-1")));
    TokenVerifier verifier = verifier(httpLocation());

    // A JWK set is public: a secret in it lets anyone who can read it sign tokens.
    assertRefused(
        verifier,
        claims()
            .header()
            .keyId("hs-1")
            .and()
            .signWith(new SecretKeySpec(secret, "HmacSHA256"), Jwts.SIG.HS256)
            .compact(),
        "unknown key id");
  }

  @Test
  void jwks_plainHttpToAnotherHost_refusedAtBuild() {
    assertThatThrownBy(
            () -> JwtVerifier.builder().jwks(URI.create("http://auth.example.com/jwks.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    JwtVerifier.builder().jwks(URI.create("https://auth.example.com/jwks.json"));
    JwtVerifier.builder().jwks(URI.create("http://localhost:8081/jwks.json"));
    JwtVerifier.builder().jwks(URI.create("http://127.0.0.1:8081/jwks.json"));
    JwtVerifier.builder().jwks(URI.create("http://[::1]:8081/jwks.json"));
  }

  @Test
  void verify_hs256SignedWithTheJwkPublicKeyBytes_refused() {
    served.set(set(rsaJwk(RSA, "rsa-1")));
    TokenVerifier verifier = verifier(httpLocation());
    String forged =
        claims()
            .header()
            .keyId("rsa-1")
            .and()
            .signWith(new SecretKeySpec(RSA.getPublic().getEncoded(), "HmacSHA256"), Jwts.SIG.HS256)
            .compact();

    assertRefused(verifier, forged, "unsupported algorithm");
    assertThatThrownBy(() -> verifier.verify(forged)).hasNoCause(); // the allow-list, not JJWT
  }

  @Test
  void verify_algorithmOtherThanTheJwkDeclares_refused() {
    PublicJwk<RSAPublicKey> rs512 =
        Jwks.builder().key((RSAPublicKey) RSA.getPublic()).id("rsa-512").algorithm("RS512").build();
    served.set(set(Jwks.json(rs512)));
    TokenVerifier verifier = verifier(httpLocation());
    String signedRs512 =
        claims()
            .header()
            .keyId("rsa-512")
            .and()
            .signWith(RSA.getPrivate(), Jwts.SIG.RS512)
            .compact();

    assertThat(verifier.verify(signedRs512).userId()).isEqualTo("ada");
    assertRefused(verifier, rs256(RSA, "rsa-512"), "unsupported algorithm");
  }

  @Test
  void verify_encryptionKeyInTheSet_notUsedForSignatures() {
    PublicJwk<RSAPublicKey> enc =
        Jwks.builder()
            .key((RSAPublicKey) RSA.getPublic())
            .id("rsa-enc")
            .publicKeyUse("enc")
            .build();
    served.set(set(Jwks.json(enc)));

    assertRefused(verifier(httpLocation()), rs256(RSA, "rsa-enc"), "unknown key id");
  }

  @Test
  void verify_tokenWithoutKid_unknownKeyId() {
    served.set(set(rsaJwk(RSA, "rsa-1")));
    String noKid = claims().signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();

    assertRefused(verifier(httpLocation()), noKid, "unknown key id");
  }

  @Test
  void verify_badSignatureUnderAKnownKid_refused() {
    served.set(set(rsaJwk(RSA, "rsa-1")));

    assertRefused(verifier(httpLocation()), rs256(OTHER_RSA, "rsa-1"), "bad signature");
  }

  @Test
  void verify_setUnreachable_keySetUnavailable() {
    URI location = httpLocation();
    server.stop(0);

    assertRefused(verifier(location), rs256(RSA, "rsa-1"), "key set unavailable");
  }

  @Test
  void verify_setNotJson_keySetUnavailableAndRetriedAfterTheInterval() {
    served.set("<html>oops</html>");
    TokenVerifier verifier = verifier(httpLocation());

    assertRefused(verifier, rs256(RSA, "rsa-1"), "key set unavailable");
    assertRefused(verifier, rs256(RSA, "rsa-1"), "unknown key id");
    served.set(set(rsaJwk(RSA, "rsa-1")));
    clock.advance(INTERVAL);

    assertThat(verifier.verify(rs256(RSA, "rsa-1")).userId()).isEqualTo("ada");
    assertThat(hits).hasValue(2);
  }

  @Test
  void verify_jwksBesideASecret_tokensWithoutKidUseTheSecret() {
    served.set(set(rsaJwk(RSA, "rsa-1")));
    TokenVerifier verifier =
        JwtVerifier.builder().jwks(httpLocation()).hmacSecret(TestKeys.SECRET).clock(clock).build();
    String hs256 =
        claims()
            .signWith(new SecretKeySpec(TestKeys.SECRET, "HmacSHA256"), Jwts.SIG.HS256)
            .compact();

    assertThat(verifier.verify(hs256).userId()).isEqualTo("ada");
    assertThat(verifier.verify(rs256(RSA, "rsa-1")).userId()).isEqualTo("ada");
  }
}
