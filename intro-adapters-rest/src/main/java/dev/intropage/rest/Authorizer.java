package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import dev.intropage.rest.AccessPolicy.Action;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Answers a resource's question "may this request do that?": the caller is the one the {@link
 * AuthenticationFilter} put into the request's security context, and the {@link AccessPolicy}
 * decides. A request whose security context that filter did not set is refused as unauthenticated,
 * so a resource reached without the filter serves nobody. Thread-safe.
 */
final class Authorizer {
  private final AccessPolicy policy;

  Authorizer(AccessPolicy policy) {
    this.policy = requireNonNull(policy, "policy");
  }

  /**
   * Returns the page owner's id when the caller may do the action on their page.
   *
   * @throws dev.intropage.core.model.InvalidInputException for an invalid or reserved user id (a
   *     400)
   * @throws ProblemException 401 without an authenticated caller, 403 when the policy refuses
   */
  UserId authorize(SecurityContext security, Action action, String userId) {
    Caller caller = caller(security);
    UserId user = UserId.of(userId);
    if (!policy.permits(caller, action, user.value())) {
      throw Problems.forbidden();
    }
    return user;
  }

  /**
   * Returns normally when the caller may use the operator endpoints.
   *
   * @throws ProblemException 401 without an authenticated caller, 403 for anyone but an operator
   */
  void operate(SecurityContext security) {
    if (!policy.permits(caller(security), Action.OPERATE, "")) {
      throw Problems.forbidden();
    }
  }

  private static Caller caller(SecurityContext security) {
    if (security.getUserPrincipal() instanceof AuthenticationFilter.CallerPrincipal principal) {
      return principal.caller();
    }
    throw Problems.missingToken();
  }
}
