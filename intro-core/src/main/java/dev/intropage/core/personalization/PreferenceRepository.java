package dev.intropage.core.personalization;

import dev.intropage.core.model.UserId;
import java.util.Optional;

/** Finds a user's stored preferences; the personalization section's only port. */
@FunctionalInterface
public interface PreferenceRepository {
  /** Returns the user's stored preferences, or empty if they have stored none. */
  Optional<Preferences> find(UserId user);
}
