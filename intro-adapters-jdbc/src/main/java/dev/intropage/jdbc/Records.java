package dev.intropage.jdbc;

import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.Preferences;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The rows of {@code idempotency_records}: finding one by user and key, inserting one unless the
 * key is taken, and the text form of the change it keeps (its fields percent-encoded and joined by
 * {@code &}), so that a repeated request is answered with exactly the first outcome. The request
 * hash comes from core, which decides what a repeat is.
 */
final class Records {
  /** The status stored with every record: only applied changes are recorded. */
  static final int APPLIED = 200;

  private Records() {}

  /** A stored record: the hash of the request that made the change, and the change's text form. */
  record Row(String requestHash, String response) {}

  /** Returns the user's record under the key, if there is one. */
  static Optional<Row> find(Handle handle, UserId user, String key) {
    return handle
        .createQuery(
            "SELECT request_hash, response FROM idempotency_records"
                + " WHERE user_id = :user AND idem_key = :key")
        .bind("user", user.value())
        .bind("key", key)
        .map((rs, ctx) -> new Row(Sql.string(rs, "request_hash"), Sql.string(rs, "response")))
        .findOne();
  }

  /**
   * Inserts a record unless the user's key is taken. A record committed meanwhile by a concurrent
   * transaction takes the key too: PostgreSQL waits for that transaction and then inserts nothing,
   * and the statement does not abort this transaction the way a failed insert would.
   *
   * @return whether it inserted the record
   */
  static boolean insert(
      Handle handle, UserId user, String key, String hash, String response, Instant at) {
    return handle
            .createUpdate(
                "INSERT INTO idempotency_records"
                    + " (user_id, idem_key, request_hash, status, response, created_at)"
                    + " VALUES (:user, :key, :hash, :status, :response, :at)"
                    + " ON CONFLICT (user_id, idem_key) DO NOTHING")
            .bind("user", user.value())
            .bind("key", key)
            .bind("hash", hash)
            .bind("status", APPLIED)
            .bind("response", response)
            .bind("at", Sql.micros(at))
            .execute()
        == 1;
  }

  /** Deletes the records made before the instant and returns how many. */
  static int purge(Handle handle, Instant before) {
    return handle
        .createUpdate("DELETE FROM idempotency_records WHERE created_at < :before")
        .bind("before", Sql.micros(before))
        .execute();
  }

  static String encode(ActionItem item) {
    return join(
        List.of(
            item.id(),
            item.owner().value(),
            item.title(),
            item.priority().name(),
            item.dueAt().map(at -> Long.toString(Sql.micros(at))).orElse(""),
            item.state().name(),
            item.snoozedUntil().map(at -> Long.toString(Sql.micros(at))).orElse(""),
            Long.toString(Sql.micros(item.createdAt())),
            Long.toString(item.version())));
  }

  static ActionItem decodeActionItem(String response) {
    List<String> f = split(response);
    return new ActionItem(
        f.get(0),
        UserId.of(f.get(1)),
        f.get(2),
        Priority.valueOf(f.get(3)),
        optionalInstant(f.get(4)),
        ActionState.valueOf(f.get(5)),
        optionalInstant(f.get(6)),
        Sql.instant(Long.parseLong(f.get(7))),
        Long.parseLong(f.get(8)));
  }

  static String encode(Preferences preferences) {
    return join(
        List.of(
            preferences.user().value(),
            preferences.theme().map(Enum::name).orElse(""),
            preferences.density().map(Enum::name).orElse(""),
            Sql.joinList(preferences.sectionOrder()),
            Sql.joinSet(preferences.hiddenSections()),
            preferences.zone().map(ZoneId::getId).orElse(""),
            preferences.locale().map(Locale::toLanguageTag).orElse(""),
            Long.toString(preferences.version())));
  }

  static Preferences decodePreferences(String response) {
    List<String> f = split(response);
    return new Preferences(
        UserId.of(f.get(0)),
        optional(f.get(1)).map(Theme::valueOf),
        optional(f.get(2)).map(Density::valueOf),
        Sql.splitList(f.get(3)),
        Set.copyOf(Sql.splitList(f.get(4))),
        optional(f.get(5)).map(ZoneId::of),
        optional(f.get(6)).map(Locale::forLanguageTag),
        Long.parseLong(f.get(7)));
  }

  private static Optional<String> optional(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<Instant> optionalInstant(String value) {
    return optional(value).map(micros -> Sql.instant(Long.parseLong(micros)));
  }

  private static String join(List<String> fields) {
    List<String> encoded = new ArrayList<>(fields.size());
    for (String field : fields) {
      encoded.add(URLEncoder.encode(field, StandardCharsets.UTF_8));
    }
    return String.join("&", encoded);
  }

  private static List<String> split(String joined) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    while (true) {
      int amp = joined.indexOf('&', start);
      int end = amp < 0 ? joined.length() : amp;
      fields.add(URLDecoder.decode(joined.substring(start, end), StandardCharsets.UTF_8));
      if (amp < 0) {
        return fields;
      }
      start = amp + 1;
    }
  }
}
