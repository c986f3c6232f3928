package dev.intropage.jdbc;

import dev.intropage.core.actions.ActionCommand;
import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionTransitions;
import dev.intropage.core.actions.TransitionResult;
import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.FieldError;
import dev.intropage.core.personalization.PreferenceUpdate;
import dev.intropage.core.personalization.PreferenceValidator;
import dev.intropage.core.personalization.Preferences;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jspecify.annotations.Nullable;

/**
 * The transactional writes. Each runs in one transaction that reads the idempotency record first,
 * decides with core's rules, writes with a version check and stores the record with the outcome
 * last. Only applied changes are recorded: a refused request writes nothing, and its repeat is
 * decided again (and refused again, since versions only grow).
 */
final class Writes {
  static final int APPLIED = 200;
  static final int MAX_KEY_LENGTH = 255;

  static final String UPSERT_DAILY =
      """
      INSERT INTO daily_stats (user_id, day, events, completed)
      VALUES (:user, :day, :events, :completed)
      ON CONFLICT (user_id, day) DO UPDATE
      SET events = daily_stats.events + excluded.events,
          completed = daily_stats.completed + excluded.completed
      """;

  private final Jdbi jdbi;
  private final Clock clock;

  Writes(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  ActionOutcome act(
      UserId user, String itemId, ActionCommand command, long expectedVersion, String key) {
    checkKey(key);
    String hash = Records.actionRequestHash(itemId, command, expectedVersion);
    Instant now = clock.instant();
    return retryOnceOnDuplicate(
        () ->
            jdbi.inTransaction(
                handle -> act(handle, user, itemId, command, expectedVersion, key, hash, now)));
  }

  private static ActionOutcome act(
      Handle handle,
      UserId user,
      String itemId,
      ActionCommand command,
      long expectedVersion,
      String key,
      String hash,
      Instant now) {
    Optional<ActionOutcome> replay = replayAction(handle, user, key, hash);
    if (replay.isPresent()) {
      return replay.get();
    }
    Optional<ActionItem> current =
        handle
            .createQuery(
                "SELECT "
                    + Rows.ACTION_ITEM_COLUMNS
                    + " FROM action_items WHERE id = :id AND owner_id = :owner")
            .bind("id", itemId)
            .bind("owner", user.value())
            .map(Rows.ACTION_ITEM)
            .findOne();
    if (current.isEmpty()) {
      return new ActionOutcome.Rejected(ActionOutcome.Reason.NOT_FOUND, "No such item.");
    }
    TransitionResult result = ActionTransitions.apply(current.get(), command, expectedVersion, now);
    if (result instanceof TransitionResult.Rejected rejected) {
      return new ActionOutcome.Rejected(
          ActionOutcome.Reason.of(rejected.reason()), rejected.message());
    }
    ActionItem next = ((TransitionResult.Applied) result).item();
    int updated =
        handle
            .createUpdate(
                "UPDATE action_items SET state = :state, snoozed_until = :snoozed,"
                    + " version = :next WHERE id = :id AND version = :expected")
            .bind("state", next.state().name())
            .bind("snoozed", next.snoozedUntil().map(Sql::micros).orElse(null))
            .bind("next", next.version())
            .bind("id", itemId)
            .bind("expected", expectedVersion)
            .execute();
    if (updated == 0) {
      // A concurrent writer got there first; if it was this very request, replay its outcome.
      return replayAction(handle, user, key, hash)
          .orElseGet(
              () ->
                  new ActionOutcome.Rejected(
                      ActionOutcome.Reason.VERSION_CONFLICT,
                      "The item has changed; reload it and try again."));
    }
    if (next.state() == ActionState.COMPLETED) {
      ZoneId zone = zone(handle, user).orElseThrow(() -> unknownUser(user));
      addDaily(handle, user, Sql.day(now, zone), 0, 1);
    }
    storeRecord(handle, user, key, hash, Records.encode(next), now);
    return new ActionOutcome.Applied(next, false);
  }

  private static Optional<ActionOutcome> replayAction(
      Handle handle, UserId user, String key, String hash) {
    return findRecord(handle, user, key)
        .map(
            record ->
                record.requestHash().equals(hash)
                    ? new ActionOutcome.Applied(Records.decodeActionItem(record.response()), true)
                    : new ActionOutcome.Rejected(
                        ActionOutcome.Reason.IDEMPOTENCY_KEY_REUSED,
                        "This idempotency key was used for a different request."));
  }

  PreferencesOutcome updatePreferences(
      UserId user,
      PreferenceUpdate update,
      long expectedVersion,
      String key,
      Set<String> knownSections,
      Set<String> requiredSections) {
    checkKey(key);
    List<FieldError> errors = PreferenceValidator.validate(update, knownSections, requiredSections);
    if (!errors.isEmpty()) {
      return new PreferencesOutcome.Invalid(errors);
    }
    String hash = Records.preferencesRequestHash(update, expectedVersion);
    Instant now = clock.instant();
    return retryOnceOnDuplicate(
        () ->
            jdbi.inTransaction(
                handle ->
                    updatePreferences(handle, user, update, expectedVersion, key, hash, now)));
  }

  private static PreferencesOutcome updatePreferences(
      Handle handle,
      UserId user,
      PreferenceUpdate update,
      long expectedVersion,
      String key,
      String hash,
      Instant now) {
    Optional<PreferencesOutcome> replay = replayPreferences(handle, user, key, hash);
    if (replay.isPresent()) {
      return replay.get();
    }
    if (zone(handle, user).isEmpty()) {
      return new PreferencesOutcome.Rejected(
          PreferencesOutcome.Reason.UNKNOWN_USER, "No such user.");
    }
    Preferences current =
        handle
            .createQuery(JdbcPreferences.FIND)
            .bind("user", user.value())
            .map(Rows.PREFERENCES)
            .findOne()
            .orElseGet(() -> Preferences.none(user));
    if (current.version() != expectedVersion) {
      return conflict(current.version(), expectedVersion);
    }
    Preferences next = PreferenceValidator.apply(current, update);
    int written =
        handle
            .createUpdate(
                """
                INSERT INTO preferences
                  (user_id, theme, density, section_order, hidden_sections, zone, locale, version)
                VALUES (:user, :theme, :density, :order, :hidden, :zone, :locale, :next)
                ON CONFLICT (user_id) DO UPDATE SET
                  theme = excluded.theme, density = excluded.density,
                  section_order = excluded.section_order,
                  hidden_sections = excluded.hidden_sections,
                  zone = excluded.zone, locale = excluded.locale, version = excluded.version
                WHERE preferences.version = :expected
                """)
            .bind("user", user.value())
            .bind("theme", next.theme().map(Enum::name).orElse(null))
            .bind("density", next.density().map(Enum::name).orElse(null))
            .bind("order", Sql.joinList(next.sectionOrder()))
            .bind("hidden", Sql.joinSet(next.hiddenSections()))
            .bind("zone", next.zone().map(ZoneId::getId).orElse(null))
            .bind("locale", next.locale().map(Locale::toLanguageTag).orElse(null))
            .bind("next", next.version())
            .bind("expected", expectedVersion)
            .execute();
    if (written == 0) {
      return replayPreferences(handle, user, key, hash)
          .orElseGet(() -> conflict(expectedVersion + 1, expectedVersion));
    }
    storeRecord(handle, user, key, hash, Records.encode(next), now);
    return new PreferencesOutcome.Updated(next, false);
  }

  private static PreferencesOutcome conflict(long actual, long expected) {
    return new PreferencesOutcome.Rejected(
        PreferencesOutcome.Reason.VERSION_CONFLICT,
        "The preferences have changed (version "
            + actual
            + ", expected "
            + expected
            + "); reload them and try again.");
  }

  private static Optional<PreferencesOutcome> replayPreferences(
      Handle handle, UserId user, String key, String hash) {
    return findRecord(handle, user, key)
        .map(
            record ->
                record.requestHash().equals(hash)
                    ? new PreferencesOutcome.Updated(
                        Records.decodePreferences(record.response()), true)
                    : new PreferencesOutcome.Rejected(
                        PreferencesOutcome.Reason.IDEMPOTENCY_KEY_REUSED,
                        "This idempotency key was used for a different request."));
  }

  boolean recordActivity(ActivityEvent event) {
    return jdbi.inTransaction(
        handle -> {
          ZoneId zone = zone(handle, event.actor()).orElseThrow(() -> unknownUser(event.actor()));
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO activity_events ("
                          + Rows.ACTIVITY_COLUMNS
                          + ") VALUES (:id, :actor, :team, :type, :subject, :at)"
                          + " ON CONFLICT (id) DO NOTHING")
                  .bind("id", event.id())
                  .bind("actor", event.actor().value())
                  .bind("team", event.team().orElse(null))
                  .bind("type", event.type())
                  .bind("subject", event.subject())
                  .bind("at", Sql.micros(event.occurredAt()))
                  .execute();
          if (inserted == 0) {
            return false;
          }
          addDaily(handle, event.actor(), Sql.day(event.occurredAt(), zone), 1, 0);
          return true;
        });
  }

  boolean recordVisit(UserId user) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("UPDATE users SET last_visit_at = :at WHERE id = :id")
                    .bind("at", Sql.micros(clock.instant()))
                    .bind("id", user.value())
                    .execute())
        == 1;
  }

  static void addDaily(Handle handle, UserId user, String day, int events, int completed) {
    handle
        .createUpdate(UPSERT_DAILY)
        .bind("user", user.value())
        .bind("day", day)
        .bind("events", events)
        .bind("completed", completed)
        .execute();
  }

  private static Optional<ZoneId> zone(Handle handle, UserId user) {
    return handle
        .createQuery("SELECT zone FROM users WHERE id = :id")
        .bind("id", user.value())
        .mapTo(String.class)
        .findOne()
        .map(ZoneId::of);
  }

  private static IllegalArgumentException unknownUser(UserId user) {
    return new IllegalArgumentException("no such user: " + user.value());
  }

  private static Optional<StoredRecord> findRecord(Handle handle, UserId user, String key) {
    return handle
        .createQuery(
            "SELECT request_hash, status, response FROM idempotency_records"
                + " WHERE user_id = :user AND idem_key = :key")
        .bind("user", user.value())
        .bind("key", key)
        .map(
            (rs, ctx) ->
                new StoredRecord(
                    Sql.string(rs, "request_hash"),
                    rs.getInt("status"),
                    Sql.string(rs, "response")))
        .findOne();
  }

  private static void storeRecord(
      Handle handle, UserId user, String key, String hash, String response, Instant now) {
    handle
        .createUpdate(
            "INSERT INTO idempotency_records"
                + " (user_id, idem_key, request_hash, status, response, created_at)"
                + " VALUES (:user, :key, :hash, :status, :response, :at)")
        .bind("user", user.value())
        .bind("key", key)
        .bind("hash", hash)
        .bind("status", APPLIED)
        .bind("response", response)
        .bind("at", Sql.micros(now))
        .execute();
  }

  private static void checkKey(String key) {
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters and not blank");
    }
  }

  /**
   * Runs a write, and once more if two requests with the same key raced to store their record: the
   * second run finds the first one's record and replays or refuses it.
   */
  private static <T> T retryOnceOnDuplicate(Supplier<T> write) {
    try {
      return write.get();
    } catch (StatementException e) {
      if (!isUniqueViolation(e.getCause())) {
        throw e;
      }
      return write.get();
    }
  }

  private static boolean isUniqueViolation(@Nullable Throwable cause) {
    if (!(cause instanceof SQLException sql)) {
      return false;
    }
    String message = String.valueOf(sql.getMessage());
    return "23505".equals(sql.getSQLState()) || message.contains("UNIQUE constraint failed");
  }

  private record StoredRecord(String requestHash, int status, String response) {}
}
