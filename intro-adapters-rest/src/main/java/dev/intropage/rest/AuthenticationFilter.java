package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;

/**
 * Authenticates every request under {@code api/}: the {@code Authorization: Bearer} token goes to
 * the verifier and the {@link Caller} it returns becomes the request's {@link SecurityContext}.
 * Runs before matching, so an unauthenticated client learns nothing about which paths exist.
 * Resources read the caller from the request's security context (see {@link Authorizer}), which
 * holds a {@link CallerPrincipal} only where this filter put one.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
  private static final String PREFIX = "bearer ";

  /**
   * The host's paths under {@code api/} that answer without a token: the session description that
   * tells a page which sign-in to offer, and the dev-mode token endpoint and demo users. Where the
   * host does not register one (the dev endpoints in jwt mode), the path does not exist and answers
   * 404.
   */
  static final Set<String> OPEN_PATHS =
      Set.of("api/v1/session", "api/v1/dev/token", "api/v1/dev/users");

  private final TokenVerifier verifier;

  AuthenticationFilter(TokenVerifier verifier) {
    this.verifier = requireNonNull(verifier, "verifier");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("api/") || OPEN_PATHS.contains(path)) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null
        || header.length() <= PREFIX.length()
        || !header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
      throw Problems.missingToken();
    }
    String token = header.substring(PREFIX.length()).strip();
    if (token.isEmpty()) {
      throw Problems.missingToken();
    }
    Caller caller;
    try {
      caller = verifier.verify(token);
    } catch (InvalidTokenException e) {
      throw Problems.invalidToken(e.getMessage() == null ? "refused" : e.getMessage());
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new CallerContext(caller, secure));
  }

  /** The security context of an authenticated request; resources read the caller from it. */
  record CallerContext(Caller caller, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return new CallerPrincipal(caller);
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }

  /** The principal of an authenticated request, carrying the whole caller. */
  record CallerPrincipal(Caller caller) implements Principal {
    @Override
    public String getName() {
      return caller.userId();
    }
  }
}
