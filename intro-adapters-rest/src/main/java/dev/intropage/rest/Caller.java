package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Who is calling, as a verified token says: the user id ({@code sub}) and the roles.
 *
 * @param userId the caller's user id
 * @param roles the caller's roles, such as {@value #ADMIN}
 */
public record Caller(String userId, Set<String> roles) {
  /** The role of operators: may read any page and use the operator endpoints. */
  public static final String ADMIN = "intro:admin";

  /** Validates the caller and copies the roles. */
  public Caller {
    requireNonNull(userId, "userId");
    roles = Set.copyOf(roles);
  }

  /** Returns whether the caller holds {@value #ADMIN}. */
  public boolean isAdmin() {
    return roles.contains(ADMIN);
  }
}
