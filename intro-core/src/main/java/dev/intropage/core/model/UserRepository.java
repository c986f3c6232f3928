package dev.intropage.core.model;

import java.util.Optional;

/** Finds the viewer's profile; the engine calls it once per page on a cache miss. */
@FunctionalInterface
public interface UserRepository {
  /** Returns the user's profile, or empty if the host system has no such user. */
  Optional<UserProfile> find(UserId id);
}
