package dev.intropage.app;

import dev.intropage.app.config.AppConfig;
import dev.intropage.rest.TokenVerifier;
import dev.intropage.rest.security.JwtVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;

/** How the service checks tokens in jwt mode, and what it tells an operator in dev mode. */
final class JwtSetup {
  private JwtSetup() {}

  /** The verifier of the configured secret, public key or JWK set, issuer and audience. */
  static TokenVerifier verifier(AppConfig config, Clock clock) {
    JwtVerifier.Builder builder = JwtVerifier.builder().clock(clock);
    config
        .jwtSecret()
        .ifPresent(secret -> builder.hmacSecret(secret.getBytes(StandardCharsets.UTF_8)));
    config
        .jwtPublicKey()
        .ifPresent(
            path -> {
              try {
                builder.publicKeyPem(Files.readString(path));
              } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
              }
            });
    config.jwtJwks().ifPresent(builder::jwks);
    config.jwtIssuer().ifPresent(builder::issuer);
    config.jwtAudience().ifPresent(builder::audience);
    return builder.build();
  }

  /** The warning printed at start in dev mode, with how to get a token. */
  static String devModeBanner(URI uri) {
    return """
        ************************************************************************
        DEV MODE: no JWT key is configured, so anyone on this machine can mint a
        token for any user. Never expose this port. Get a token with:
          curl -s -X POST %sapi/v1/dev/token -H 'Content-Type: application/json' \\
               -d '{"userId":"ada"}'
        then: curl -H "Authorization: Bearer <token>" %sapi/v1/intro-page/ada
        ************************************************************************"""
        .formatted(uri, uri);
  }
}
