package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy.CacheScope;
import dev.intropage.core.model.UserId;
import java.util.Optional;

/**
 * Which cached values to drop: a user's, a section's, one user's section, or all.
 *
 * @param user only this user's entries (global sections are kept); empty means every user
 * @param section only this section's entries, by name; empty means every section
 */
public record Invalidation(Optional<UserId> user, Optional<String> section) {
  /** Validates the invalidation. */
  public Invalidation {
    requireNonNull(user, "user");
    requireNonNull(section, "section");
  }

  /** Returns an invalidation of everything. */
  public static Invalidation all() {
    return new Invalidation(Optional.empty(), Optional.empty());
  }

  /** Returns an invalidation of one user's entries. */
  public static Invalidation user(UserId user) {
    return new Invalidation(Optional.of(user), Optional.empty());
  }

  /** Returns an invalidation of every entry of one section. */
  public static Invalidation section(SectionKey<?> section) {
    return new Invalidation(Optional.empty(), Optional.of(section.name()));
  }

  /** Returns an invalidation of one user's entry of one section. */
  public static Invalidation userSection(UserId user, SectionKey<?> section) {
    return new Invalidation(Optional.of(user), Optional.of(section.name()));
  }

  boolean matches(String sectionName, CacheScope scope, String scopeKey) {
    if (section.isPresent() && !section.get().equals(sectionName)) {
      return false;
    }
    return user.isEmpty() || (scope == CacheScope.USER && user.get().value().equals(scopeKey));
  }
}
