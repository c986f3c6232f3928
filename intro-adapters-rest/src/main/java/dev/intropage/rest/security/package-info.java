/**
 * Bearer-token security for the REST adapter: {@link dev.intropage.rest.security.JwtVerifier}
 * checks JWTs signed with an HS256 secret, an RS256 or ES256 public key, or keys from a JWK set;
 * {@link dev.intropage.rest.security.TokenMinter} issues HS256 tokens for the service's dev mode
 * and for tests.
 *
 * <p>Null-marked: parameters and results are never null unless annotated.
 */
@NullMarked
package dev.intropage.rest.security;

import org.jspecify.annotations.NullMarked;
