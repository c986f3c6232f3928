package dev.intropage.core.personalization;

import dev.intropage.core.model.UserId;
import java.util.Set;

/**
 * Stores a user's preference updates (driven port). Implementations validate with {@link
 * PreferenceValidator}, check the version optimistically, apply with {@link
 * PreferenceValidator#apply} in one transaction, and answer a repeated idempotency key with the
 * first outcome. A refused update changes nothing.
 */
@FunctionalInterface
public interface PreferenceWriter {
  /**
   * Applies an update.
   *
   * @param user whose preferences
   * @param update the fields to change
   * @param expectedVersion the version the caller last saw (0 when none are stored)
   * @param idempotencyKey the caller's key for this request
   * @param knownSections the section names the page has
   * @param requiredSections the sections that may not be hidden
   */
  PreferencesOutcome update(
      UserId user,
      PreferenceUpdate update,
      long expectedVersion,
      String idempotencyKey,
      Set<String> knownSections,
      Set<String> requiredSections);
}
