package dev.intropage.rest.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.intropage.rest.InvalidTokenException;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a JWK set, chosen by {@code kid} and cached. A {@code kid} not in the cache triggers
 * one reload, but reloads happen at most once per minimum interval, so a flood of tokens with
 * made-up key ids cannot hammer the set's server. A set older than its maximum age is loaded again
 * at the next token, so that a key withdrawn from it stops being trusted. Loads are lazy (the first
 * token triggers the first) and single-flight. A failed load keeps the keys already known.
 *
 * <p>Only public keys are taken from a set: a set is published, and a secret in it would let anyone
 * who can read it sign tokens.
 *
 * <p>Thread-safe.
 */
final class JwksKeys {
  /** Connect and response timeout of an http(s) load. */
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

  /** The largest JWK set accepted, in bytes. */
  static final int MAX_BYTES = 1 << 20;

  private static final System.Logger LOG = System.getLogger(JwksKeys.class.getName());
  private static final Set<String> RSA_ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
  private static final Set<String> EC_ALGORITHMS = Set.of("ES256", "ES384", "ES512");

  /** Reads the set's JSON text. */
  @FunctionalInterface
  interface Source {
    String read() throws IOException, InterruptedException;
  }

  private final URI location;
  private final Source source;
  private final Clock clock;
  private final Duration minRefetchInterval;
  private final Duration maxAge;
  private final ReentrantLock loadLock = new ReentrantLock();
  private volatile Map<String, AllowedKey> keys = Map.of();
  private @Nullable Instant lastLoad; // guarded by loadLock
  private volatile @Nullable Instant loadedAt;

  JwksKeys(URI location, Source source, Clock clock, Duration minRefetchInterval, Duration maxAge) {
    this.location = requireNonNull(location, "location");
    this.source = requireNonNull(source, "source");
    this.clock = requireNonNull(clock, "clock");
    this.minRefetchInterval = requireNonNull(minRefetchInterval, "minRefetchInterval");
    this.maxAge = requireNonNull(maxAge, "maxAge");
  }

  /** Creates the key source for a {@code file:}, {@code http:} or {@code https:} location. */
  static JwksKeys at(URI location, Clock clock, Duration minRefetchInterval, Duration maxAge) {
    Source source =
        "file".equals(scheme(location)) ? () -> readFile(location) : () -> readHttp(location);
    return new JwksKeys(location, source, clock, minRefetchInterval, maxAge);
  }

  /** Returns the lower-cased scheme of the location, or an empty string when it has none. */
  static String scheme(URI location) {
    String scheme = location.getScheme();
    return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the key with this id, loading the set if the id is unknown and the last load is at
   * least the minimum interval ago.
   *
   * @throws InvalidTokenException "unknown key id" or "key set unavailable"
   */
  AllowedKey find(String kid) {
    AllowedKey key = keys.get(kid);
    if (key != null && !tooOld()) {
      return key;
    }
    if (key != null) {
      return renewed(kid, key);
    }
    loadLock.lock();
    try {
      key = keys.get(kid); // a load that finished while this thread waited may have brought it
      if (key != null) {
        return key;
      }
      Instant now = clock.instant();
      if (lastLoad != null && now.isBefore(lastLoad.plus(minRefetchInterval))) {
        throw new InvalidTokenException("unknown key id");
      }
      lastLoad = now;
      keys = load();
    } finally {
      loadLock.unlock();
    }
    key = keys.get(kid);
    if (key == null) {
      throw new InvalidTokenException("unknown key id");
    }
    return key;
  }

  private boolean tooOld() {
    Instant at = loadedAt;
    return at != null && !clock.instant().isBefore(at.plus(maxAge));
  }

  /**
   * Loads a set past its maximum age again and returns the key if the set still has it. While
   * another thread loads, or when the load fails, the known key stands: the set's server being away
   * must not lock everyone out.
   */
  private AllowedKey renewed(String kid, AllowedKey known) {
    if (!loadLock.tryLock()) {
      return known;
    }
    try {
      if (tooOld()) {
        Instant now = clock.instant();
        lastLoad = now;
        try {
          keys = load();
        } catch (InvalidTokenException unavailable) {
          loadedAt = now.minus(maxAge).plus(minRefetchInterval);
          return known;
        }
      }
    } finally {
      loadLock.unlock();
    }
    AllowedKey key = keys.get(kid);
    if (key == null) {
      throw new InvalidTokenException("unknown key id");
    }
    return key;
  }

  private Map<String, AllowedKey> load() {
    try {
      Map<String, AllowedKey> loaded = parse(source.read());
      loadedAt = clock.instant();
      return loaded;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidTokenException("key set unavailable", e);
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "JWK set {0} could not be loaded: {1}",
          location,
          e.getClass().getName());
      throw new InvalidTokenException("key set unavailable", e);
    }
  }

  /**
   * Parses a JWK set with JJWT and keeps the public signature keys that have a {@code kid}, each
   * allowed the algorithm it declares (if that suits its type) or else its family's default: RS256
   * for RSA, ES256 for EC P-256. Secrets, private keys and keys for encryption are skipped.
   */
  static Map<String, AllowedKey> parse(String json) {
    JwkSet set = Jwks.setParser().ignoreUnsupported(true).build().parse(json);
    Map<String, AllowedKey> found = new HashMap<>();
    for (Jwk<?> jwk : set.getKeys()) {
      String kid = jwk.getId();
      AllowedKey allowed = allowed(jwk);
      if (kid != null && !kid.isBlank() && allowed != null) {
        found.putIfAbsent(kid, allowed);
      }
    }
    return Map.copyOf(found);
  }

  private static @Nullable AllowedKey allowed(Jwk<?> jwk) {
    Object use = jwk.get("use");
    if (use != null && !"sig".equals(use)) {
      return null;
    }
    Key key = jwk.toKey();
    Set<String> family;
    @Nullable String fallback;
    if (key instanceof RSAPublicKey) {
      family = RSA_ALGORITHMS;
      fallback = AllowedKey.RS256;
    } else if (key instanceof ECPublicKey ec) {
      family = EC_ALGORITHMS;
      fallback = PublicKeys.isP256(ec) ? AllowedKey.ES256 : null;
    } else {
      return null;
    }
    String declared = jwk.getAlgorithm();
    String algorithm = declared == null ? fallback : family.contains(declared) ? declared : null;
    return algorithm == null ? null : new AllowedKey(key, algorithm);
  }

  private static String readFile(URI location) throws IOException {
    Path path = Path.of(location);
    if (Files.size(path) > MAX_BYTES) {
      throw new IOException("JWK set file is larger than " + MAX_BYTES + " bytes");
    }
    return Files.readString(path, UTF_8);
  }

  private static String readHttp(URI location) throws IOException, InterruptedException {
    try (HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(HTTP_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()) {
      HttpRequest request =
          HttpRequest.newBuilder(location)
              .timeout(HTTP_TIMEOUT)
              .header("Accept", "application/json")
              .GET()
              .build();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("JWK set answered HTTP " + response.statusCode());
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new IOException("JWK set is larger than " + MAX_BYTES + " bytes");
        }
        return new String(bytes, UTF_8);
      }
    }
  }
}
