package dev.intropage.core.personalization;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.PreferenceWriter.FieldError;
import dev.intropage.core.personalization.PreferenceWriter.PreferencesOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Stores preference updates over a {@link PreferenceStore}: the use case that decides, while the
 * store only loads and stores. Immutable and thread-safe.
 *
 * <p>An update that breaks a rule of {@link PreferenceValidator} is refused before any transaction.
 * A valid one runs in one transaction: a repeated idempotency key is answered from its record (the
 * stored outcome for the same request, a refusal for another one), an unknown user is refused, the
 * stored version must be the expected one (0 when none are stored), and the applied change is
 * stored under a version check and recorded under the key. Only applied changes are recorded.
 */
final class PreferenceService implements PreferenceWriter {
  /** The longest idempotency key accepted, the width of the store's key column. */
  static final int MAX_KEY_LENGTH = 255;

  private final PreferenceStore store;
  private final Clock clock;

  PreferenceService(PreferenceStore store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public PreferencesOutcome update(
      UserId user,
      PreferenceUpdate update,
      long expectedVersion,
      String idempotencyKey,
      Set<String> knownSections,
      Set<String> requiredSections) {
    requireNonNull(user, "user");
    requireNonNull(update, "update");
    requireNonNull(idempotencyKey, "idempotencyKey");
    if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters and not blank");
    }
    List<FieldError> errors = PreferenceValidator.validate(update, knownSections, requiredSections);
    if (!errors.isEmpty()) {
      return PreferencesOutcome.invalid(errors);
    }
    var request =
        new Request(
            user,
            update,
            expectedVersion,
            idempotencyKey,
            requestHash(update, expectedVersion),
            clock.instant());
    try {
      return store.inTransaction(request::decide);
    } catch (KeyTaken first) {
      // A concurrent request recorded the key after this one looked: its change is committed, so
      // deciding again finds its record and replays or refuses it.
      try {
        return store.inTransaction(request::decide);
      } catch (KeyTaken again) {
        throw new IllegalStateException(
            "the idempotency key was taken concurrently twice; nothing changed", again);
      }
    }
  }

  /** One valid update with everything it is decided on. */
  private record Request(
      UserId user,
      PreferenceUpdate update,
      long expectedVersion,
      String key,
      String hash,
      Instant now) {

    PreferencesOutcome decide(PreferenceStore.Transaction tx) {
      Optional<PreferencesOutcome> replay = replay(tx);
      if (replay.isPresent()) {
        return replay.get();
      }
      if (!tx.userExists(user)) {
        return PreferencesOutcome.invalid(List.of(new FieldError("userId", "no such user")));
      }
      Preferences current = tx.find(user).orElseGet(() -> Preferences.none(user));
      if (current.version() != expectedVersion) {
        return PreferencesOutcome.versionConflict();
      }
      Preferences next = PreferenceValidator.apply(current, update);
      if (!tx.store(next, expectedVersion)) {
        // Another transaction stored preferences since they were read; if that was this very
        // request, its record is committed by now.
        return replay(tx).orElseGet(PreferencesOutcome::versionConflict);
      }
      if (!tx.record(user, key, new PreferenceStore.Recorded(hash, next), now)) {
        throw new KeyTaken();
      }
      return PreferencesOutcome.applied(next);
    }

    private Optional<PreferencesOutcome> replay(PreferenceStore.Transaction tx) {
      return tx.findRecorded(user, key)
          .map(
              recorded ->
                  recorded.requestHash().equals(hash)
                      ? PreferencesOutcome.applied(recorded.preferences())
                      : PreferencesOutcome.keyReused());
    }
  }

  /**
   * Identifies a request by what it asks, not by its key: SHA-256 of each field (empty when absent;
   * a present list, set, zone or locale marked with {@code =}, a set sorted, lists joined by
   * commas) and the expected version, each percent-encoded and joined by {@code &}. Records stored
   * earlier used the same form.
   */
  static String requestHash(PreferenceUpdate update, long expectedVersion) {
    String canonical =
        List.of(
                "preferences",
                update.theme().map(Enum::name).orElse(""),
                update.density().map(Enum::name).orElse(""),
                update.sectionOrder().map(order -> "=" + String.join(",", order)).orElse(""),
                update
                    .hiddenSections()
                    .map(hidden -> "=" + String.join(",", new TreeSet<>(hidden)))
                    .orElse(""),
                update.zone().map(zone -> "=" + zone).orElse(""),
                update.locale().map(locale -> "=" + locale).orElse(""),
                Long.toString(expectedVersion))
            .stream()
            .map(field -> URLEncoder.encode(field, StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Thrown inside a transaction to roll it back when the idempotency key was taken meanwhile. */
  private static final class KeyTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyTaken() {
      super("idempotency key taken", null, false, false);
    }
  }
}
