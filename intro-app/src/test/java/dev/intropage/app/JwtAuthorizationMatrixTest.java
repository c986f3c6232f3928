package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.app.config.AppConfig;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint of the running service against real tokens: none, expired, badly signed, {@code
 * alg: none}, HS256 signed with the RSA public key, wrong issuer, wrong audience, another user, the
 * owner and an operator, with RS256 keys from a PEM file and ES256 keys from a JWK set file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthorizationMatrixTest {
  private static final String ISSUER = "https://auth.example";
  private static final String AUDIENCE = "intro-page";

  private final KeyPair rsa = pair("RSA", null);
  private final KeyPair otherRsa = pair("RSA", null);
  private final KeyPair ec = pair("EC", "secp256r1");

  /** One client for every call, so refused requests and the calls after them share connections. */
  private final HttpClient http = HttpClient.newHttpClient();

  private Server server;

  private static KeyPair pair(String algorithm, @org.jspecify.annotations.Nullable String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (curve == null) {
        generator.initialize(2048);
      } else {
        generator.initialize(new ECGenParameterSpec(curve));
      }
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("public.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8))
                .encodeToString(rsa.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(
        jwks,
        "{\"keys\":["
            + Jwks.json(Jwks.builder().key((ECPublicKey) ec.getPublic()).id("ec-1").build())
            + "]}");
    server =
        Server.start(
            AppConfig.from(
                Map.of(
                    "INTRO_HTTP_PORT",
                    "0",
                    "INTRO_DB_URL",
                    "jdbc:sqlite:" + dir.resolve("intro.db"),
                    "INTRO_AUTH_JWT_PUBLIC_KEY",
                    pem.toString(),
                    "INTRO_AUTH_JWT_JWKS",
                    jwks.toString(),
                    "INTRO_AUTH_JWT_ISSUER",
                    ISSUER,
                    "INTRO_AUTH_JWT_AUDIENCE",
                    AUDIENCE,
                    "INTRO_DEMO_DATA",
                    "true")),
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
  }

  @AfterAll
  void stop() {
    http.close();
    server.close();
  }

  private static JwtBuilder claims(String subject, List<String> roles) {
    return claims(subject, roles, AUDIENCE);
  }

  private static JwtBuilder claims(String subject, List<String> roles, String audience) {
    Instant now = Instant.now();
    return Jwts.builder()
        .subject(subject)
        .claim("roles", roles)
        .issuer(ISSUER)
        .audience()
        .add(audience)
        .and()
        .issuedAt(Date.from(now))
        .expiration(Date.from(now.plus(Duration.ofMinutes(5))));
  }

  private String rs256(JwtBuilder claims) {
    return claims.signWith(rsa.getPrivate(), Jwts.SIG.RS256).compact();
  }

  /** The callers of the matrix, by name, each with its token (empty: no Authorization header). */
  private Map<String, String> callers() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    String noneHeader =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(UTF_8));
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"sub\":\"ada\",\"iss\":\""
                        + ISSUER
                        + "\",\"aud\":\""
                        + AUDIENCE
                        + "\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 300)
                        + "}")
                    .getBytes(UTF_8));
    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("none", "");
    callers.put(
        "expired",
        rs256(
            claims("ada", List.of())
                .issuedAt(Date.from(past))
                .expiration(Date.from(past.plusSeconds(60)))));
    callers.put(
        "badSignature",
        claims("ada", List.of()).signWith(otherRsa.getPrivate(), Jwts.SIG.RS256).compact());
    callers.put("algNone", noneHeader + "." + payload + ".");
    callers.put(
        "hsWithRsaPublicKey",
        claims("ada", List.of())
            .signWith(Keys.hmacShaKeyFor(rsa.getPublic().getEncoded()), Jwts.SIG.HS256)
            .compact());
    callers.put("wrongIssuer", rs256(claims("ada", List.of()).issuer("https://evil.example")));
    callers.put(
        "wrongAudience",
        claims("ada", List.of(), "other-app").signWith(rsa.getPrivate(), Jwts.SIG.RS256).compact());
    callers.put("otherUser", rs256(claims("grace", List.of())));
    callers.put("owner", rs256(claims("ada", List.of())));
    callers.put(
        "ownerViaJwks",
        claims("ada", List.of())
            .header()
            .keyId("ec-1")
            .and()
            .signWith(ec.getPrivate(), Jwts.SIG.ES256)
            .compact());
    callers.put("operator", rs256(claims("ops", List.of("intro:admin"))));
    return callers;
  }

  private record Call(String method, String path, String body, Map<String, String> headers) {}

  private int send(Call call, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri().resolve(call.path()))
            .method(
                call.method(),
                call.body().isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(call.body()));
    if (!call.body().isEmpty()) {
      request.header("Content-Type", "application/json");
    }
    call.headers().forEach(request::header);
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void assertMatrix(Call call, Map<String, Integer> expected) throws Exception {
    Map<String, String> callers = callers();
    Map<String, Integer> actual = new LinkedHashMap<>();
    for (String caller : expected.keySet()) {
      actual.put(caller, send(call, java.util.Objects.requireNonNull(callers.get(caller), caller)));
    }
    assertThat(actual).as(call.method() + " " + call.path()).isEqualTo(expected);
  }

  private static Map<String, Integer> statuses(int other, int owner, int operator) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (String refused :
        List.of(
            "none",
            "expired",
            "badSignature",
            "algNone",
            "hsWithRsaPublicKey",
            "wrongIssuer",
            "wrongAudience")) {
      expected.put(refused, 401);
    }
    expected.put("otherUser", other);
    expected.put("owner", owner);
    expected.put("ownerViaJwks", owner);
    expected.put("operator", operator);
    return expected;
  }

  @Test
  void page_selfOrOperator() throws Exception {
    assertMatrix(new Call("GET", "api/v1/intro-page/ada", "", Map.of()), statuses(403, 200, 200));
  }

  @Test
  void health_selfOrOperator() throws Exception {
    assertMatrix(
        new Call("GET", "api/v1/intro-page/ada/health", "", Map.of()), statuses(403, 200, 200));
  }

  @Test
  void activity_selfOrOperator() throws Exception {
    assertMatrix(
        new Call("GET", "api/v1/intro-page/ada/activity?limit=5", "", Map.of()),
        statuses(403, 200, 200));
  }

  @Test
  void engineMetrics_operatorOnly() throws Exception {
    assertMatrix(
        new Call("GET", "api/v1/intro-page/metrics", "", Map.of()), statuses(403, 403, 200));
  }

  @Test
  void invalidate_operatorOnly() throws Exception {
    assertMatrix(
        new Call("POST", "api/v1/intro-page/cache/invalidate", "{\"userId\":\"ada\"}", Map.of()),
        statuses(403, 403, 202));
  }

  @Test
  void preferences_ownerOnly() throws Exception {
    Map<String, Integer> expected = statuses(403, 200, 403);
    expected.put("ownerViaJwks", 412);
    Map<String, String> callers = callers();
    Map<String, Integer> actual = new LinkedHashMap<>();
    for (String caller : expected.keySet()) {
      Call call =
          new Call(
              "PUT",
              "api/v1/intro-page/ada/preferences",
              "{\"theme\":\"DARK\"}",
              Map.of("If-Match", "\"0\"", "Idempotency-Key", UUID.randomUUID().toString()));
      actual.put(caller, send(call, java.util.Objects.requireNonNull(callers.get(caller), caller)));
    }
    // The owner's first update moves the version to 1, so the same If-Match after it conflicts.
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void actions_ownerOnly() throws Exception {
    assertMatrix(
        new Call(
            "POST",
            "api/v1/intro-page/ada/actions/no-such-item/complete",
            "{\"version\":0}",
            Map.of("Idempotency-Key", "matrix-key")),
        statuses(403, 404, 403));
  }

  @Test
  void probesAndScrape_open() throws Exception {
    Map<String, Integer> open = new LinkedHashMap<>();
    open.put("none", 200);
    open.put("badSignature", 200);
    for (String path : List.of("health/live", "health/ready", "metrics")) {
      assertMatrix(new Call("GET", path, "", Map.of()), open);
    }
  }

  @Test
  void devToken_absentInJwtMode() throws Exception {
    Map<String, Integer> absent = new LinkedHashMap<>();
    absent.put("none", 404);
    absent.put("operator", 404);
    assertMatrix(new Call("POST", "api/v1/dev/token", "{\"userId\":\"ada\"}", Map.of()), absent);
  }

  @Test
  void devUsers_absentInJwtMode() throws Exception {
    Map<String, Integer> absent = new LinkedHashMap<>();
    absent.put("none", 404);
    absent.put("badSignature", 404);
    absent.put("operator", 404);
    assertMatrix(new Call("GET", "api/v1/dev/users", "", Map.of()), absent);
  }

  @Test
  void session_openToAnyone() throws Exception {
    Map<String, Integer> open = new LinkedHashMap<>();
    open.put("none", 200);
    open.put("badSignature", 200);
    open.put("owner", 200);
    open.put("operator", 200);
    assertMatrix(new Call("GET", "api/v1/session", "", Map.of()), open);
  }

  @Test
  void migrations_operatorOnly() throws Exception {
    assertMatrix(new Call("GET", "api/v1/admin/migrations", "", Map.of()), statuses(403, 403, 200));
  }
}
