package dev.intropage.app.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The service's settings, read from environment variables and, where {@code INTRO_CONFIG_FILE}
 * names one, a properties file with the same keys (the environment wins). Every value is checked
 * when read; a bad one stops start-up with a {@link ConfigException} naming its key. Secrets are
 * never part of {@link #toString()} or {@link #describe()}.
 *
 * @param httpPort the listen port; 0 picks a free one
 * @param httpHost the bind address
 * @param dbUrl a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 * @param dbUser the database user, for PostgreSQL
 * @param dbPassword the database password, for PostgreSQL (secret)
 * @param jwtSecret the HS256 secret, 32 bytes or more (secret)
 * @param jwtPublicKey a PEM public key file (RS256 or ES256)
 * @param jwtJwks a JWK set, as a file path or an http(s) URL
 * @param jwtIssuer the required {@code iss}, if set
 * @param jwtAudience the required {@code aud}, if set
 * @param authMode how callers authenticate
 * @param demoData whether to seed the demo data set
 * @param jsonLogs whether log lines are JSON objects rather than text
 */
public record AppConfig(
    int httpPort,
    String httpHost,
    String dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    Optional<String> jwtSecret,
    Optional<Path> jwtPublicKey,
    Optional<URI> jwtJwks,
    Optional<String> jwtIssuer,
    Optional<String> jwtAudience,
    AuthMode authMode,
    boolean demoData,
    boolean jsonLogs) {

  /** Every key the service reads, in the order the documentation lists them. */
  public static final List<String> KEYS =
      List.of(
          "INTRO_HTTP_PORT",
          "INTRO_HTTP_HOST",
          "INTRO_DB_URL",
          "INTRO_DB_USER",
          "INTRO_DB_PASSWORD",
          "INTRO_AUTH_JWT_SECRET",
          "INTRO_AUTH_JWT_PUBLIC_KEY",
          "INTRO_AUTH_JWT_JWKS",
          "INTRO_AUTH_JWT_ISSUER",
          "INTRO_AUTH_JWT_AUDIENCE",
          "INTRO_AUTH_MODE",
          "INTRO_DEMO_DATA",
          "INTRO_LOG_FORMAT",
          "INTRO_CONFIG_FILE");

  private static final Set<String> SECRETS = Set.of("INTRO_DB_PASSWORD", "INTRO_AUTH_JWT_SECRET");

  /** Validates the settings. */
  public AppConfig {
    requireNonNull(httpHost, "httpHost");
    requireNonNull(dbUrl, "dbUrl");
    requireNonNull(dbUser, "dbUser");
    requireNonNull(dbPassword, "dbPassword");
    requireNonNull(jwtSecret, "jwtSecret");
    requireNonNull(jwtPublicKey, "jwtPublicKey");
    requireNonNull(jwtJwks, "jwtJwks");
    requireNonNull(jwtIssuer, "jwtIssuer");
    requireNonNull(jwtAudience, "jwtAudience");
    requireNonNull(authMode, "authMode");
  }

  /**
   * Reads the settings from an environment.
   *
   * @param env the environment variables, such as {@link System#getenv()}
   * @throws ConfigException if a value is missing, malformed or contradicts another
   */
  public static AppConfig from(Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    String file = blankToNull(env.get("INTRO_CONFIG_FILE"));
    if (file != null) {
      values.putAll(readFile(Path.of(file)));
    }
    env.forEach(
        (key, value) -> {
          if (key.startsWith("INTRO_")) {
            values.put(key, value);
          }
        });
    for (String key : values.keySet()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException(
            key, "is not a setting of the service; see docs/configuration.md");
      }
    }
    return parse(new Values(values));
  }

  private static AppConfig parse(Values values) {
    int port = values.integer("INTRO_HTTP_PORT", 8080, 0, 65_535);
    String host = values.text("INTRO_HTTP_HOST").orElse("127.0.0.1");
    boolean loopback = isLoopback(host);
    String dbUrl = values.text("INTRO_DB_URL").orElse("jdbc:sqlite:./data/intro.db");
    if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
      throw new ConfigException("INTRO_DB_URL", "must start with jdbc:sqlite: or jdbc:postgresql:");
    }
    Optional<String> secret = values.text("INTRO_AUTH_JWT_SECRET");
    if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new ConfigException("INTRO_AUTH_JWT_SECRET", "must be at least 32 bytes long");
    }
    Optional<Path> publicKey = values.text("INTRO_AUTH_JWT_PUBLIC_KEY").map(Path::of);
    if (publicKey.isPresent() && !Files.isReadable(publicKey.get())) {
      throw new ConfigException(
          "INTRO_AUTH_JWT_PUBLIC_KEY", "no readable file at " + publicKey.get());
    }
    Optional<URI> jwks = values.text("INTRO_AUTH_JWT_JWKS").map(AppConfig::jwksLocation);
    boolean keyConfigured = secret.isPresent() || publicKey.isPresent() || jwks.isPresent();
    AuthMode mode =
        values
            .text("INTRO_AUTH_MODE")
            .map(AppConfig::authMode)
            .orElse(!keyConfigured && loopback ? AuthMode.DEV : AuthMode.JWT);
    if (mode == AuthMode.DEV && !loopback) {
      throw new ConfigException(
          "INTRO_AUTH_MODE", "dev mode is only allowed on a loopback address, not " + host);
    }
    if (mode == AuthMode.JWT && !keyConfigured) {
      throw new ConfigException(
          "INTRO_AUTH_MODE",
          "jwt mode needs INTRO_AUTH_JWT_SECRET, INTRO_AUTH_JWT_PUBLIC_KEY or INTRO_AUTH_JWT_JWKS");
    }
    boolean sqlite = dbUrl.startsWith("jdbc:sqlite:");
    boolean demo = values.bool("INTRO_DEMO_DATA", sqlite && !existingSqliteFile(dbUrl));
    return new AppConfig(
        port,
        host,
        dbUrl,
        values.text("INTRO_DB_USER"),
        values.text("INTRO_DB_PASSWORD"),
        secret,
        publicKey,
        jwks,
        values.text("INTRO_AUTH_JWT_ISSUER"),
        values.text("INTRO_AUTH_JWT_AUDIENCE"),
        mode,
        demo,
        jsonLogs(values.text("INTRO_LOG_FORMAT").orElse("text")));
  }

  /** Returns the settings as lines {@code KEY=value} for the start-up log, secrets masked. */
  public List<String> describe() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("INTRO_HTTP_PORT", Integer.toString(httpPort));
    shown.put("INTRO_HTTP_HOST", httpHost);
    shown.put("INTRO_DB_URL", masked(dbUrl));
    dbUser.ifPresent(user -> shown.put("INTRO_DB_USER", user));
    dbPassword.ifPresent(password -> shown.put("INTRO_DB_PASSWORD", "***"));
    jwtSecret.ifPresent(value -> shown.put("INTRO_AUTH_JWT_SECRET", "***"));
    jwtPublicKey.ifPresent(path -> shown.put("INTRO_AUTH_JWT_PUBLIC_KEY", path.toString()));
    jwtJwks.ifPresent(uri -> shown.put("INTRO_AUTH_JWT_JWKS", uri.toString()));
    jwtIssuer.ifPresent(issuer -> shown.put("INTRO_AUTH_JWT_ISSUER", issuer));
    jwtAudience.ifPresent(audience -> shown.put("INTRO_AUTH_JWT_AUDIENCE", audience));
    shown.put("INTRO_AUTH_MODE", authMode.name().toLowerCase(Locale.ROOT));
    shown.put("INTRO_DEMO_DATA", Boolean.toString(demoData));
    shown.put("INTRO_LOG_FORMAT", jsonLogs ? "json" : "text");
    List<String> lines = new ArrayList<>();
    shown.forEach((key, value) -> lines.add(key + "=" + value));
    return lines;
  }

  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");
  private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  /** A database URL with the passwords it may carry (a parameter, or user info) masked. */
  static String masked(String url) {
    String masked = URL_PASSWORD.matcher(url).replaceAll("$1***");
    return URL_USER_INFO.matcher(masked).replaceAll("$1***@");
  }

  @Override
  public String toString() {
    return "AppConfig" + describe();
  }

  static boolean isSecret(String key) {
    return SECRETS.contains(key);
  }

  private static AuthMode authMode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "dev" -> AuthMode.DEV;
      case "jwt" -> AuthMode.JWT;
      default -> throw new ConfigException("INTRO_AUTH_MODE", "must be dev or jwt");
    };
  }

  private static boolean jsonLogs(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new ConfigException("INTRO_LOG_FORMAT", "must be text or json");
    };
  }

  private static URI jwksLocation(String value) {
    if (value.startsWith("http://") || value.startsWith("https://")) {
      try {
        return URI.create(value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("INTRO_AUTH_JWT_JWKS", "is not a valid URL");
      }
    }
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw new ConfigException("INTRO_AUTH_JWT_JWKS", "no readable file at " + path);
    }
    return path.toUri();
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new ConfigException("INTRO_HTTP_HOST", "cannot resolve '" + host + "'");
    }
  }

  private static boolean existingSqliteFile(String url) {
    String path = url.substring("jdbc:sqlite:".length());
    return !path.isEmpty() && !path.startsWith(":memory:") && Files.exists(Path.of(path));
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("INTRO_CONFIG_FILE", "cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return values;
  }

  private static @org.jspecify.annotations.Nullable String blankToNull(
      @org.jspecify.annotations.Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The raw values, read with a type and a bound each. */
  private record Values(Map<String, String> raw) {
    Optional<String> text(String key) {
      return Optional.ofNullable(blankToNull(raw.get(key)));
    }

    int integer(String key, int fallback, int min, int max) {
      Optional<String> value = text(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.get());
        if (parsed < min || parsed > max) {
          throw new ConfigException(key, "must be between " + min + " and " + max);
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw new ConfigException(
            key, "must be a whole number, was '" + shown(key, value.get()) + "'");
      }
    }

    boolean bool(String key, boolean fallback) {
      return text(key)
          .map(
              value ->
                  switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1" -> true;
                    case "false", "no", "0" -> false;
                    default -> throw new ConfigException(key, "must be true or false");
                  })
          .orElse(fallback);
    }

    private static String shown(String key, String value) {
      return isSecret(key) ? "***" : value;
    }
  }
}
