package dev.intropage.rest.security;

import static java.util.Objects.requireNonNull;

import dev.intropage.rest.Caller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A token that passed the full check: who it names and when it is valid, so that a cache can tell
 * when it must stop accepting it.
 *
 * @param caller who the token names
 * @param expiresAt the token's {@code exp}
 * @param notBefore the token's {@code nbf}, or null when it has none
 */
record VerifiedToken(Caller caller, Instant expiresAt, @Nullable Instant notBefore) {
  VerifiedToken {
    requireNonNull(caller, "caller");
    requireNonNull(expiresAt, "expiresAt");
  }
}
