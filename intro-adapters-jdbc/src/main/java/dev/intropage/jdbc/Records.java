package dev.intropage.jdbc;

import dev.intropage.core.actions.ActionCommand;
import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.PreferenceUpdate;
import dev.intropage.core.personalization.Preferences;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The text forms stored in {@code idempotency_records}: the request hash (SHA-256 of a canonical
 * description of the request) and the response (the outcome's fields, percent-encoded and joined by
 * {@code &}), so that a repeat returns exactly the first outcome.
 */
final class Records {
  private Records() {}

  static String actionRequestHash(String itemId, ActionCommand command, long expectedVersion) {
    String described;
    if (command instanceof ActionCommand.Snooze snooze) {
      described = "snooze:" + Sql.micros(snooze.until());
    } else if (command instanceof ActionCommand.Complete) {
      described = "complete";
    } else {
      described = "dismiss";
    }
    return sha256(join(List.of("act", itemId, described, Long.toString(expectedVersion))));
  }

  static String preferencesRequestHash(PreferenceUpdate update, long expectedVersion) {
    return sha256(
        join(
            List.of(
                "preferences",
                update.theme().map(Enum::name).orElse(""),
                update.density().map(Enum::name).orElse(""),
                update.sectionOrder().map(order -> "=" + Sql.joinList(order)).orElse(""),
                update.hiddenSections().map(hidden -> "=" + Sql.joinSet(hidden)).orElse(""),
                update.zone().map(zone -> "=" + zone).orElse(""),
                update.locale().map(locale -> "=" + locale).orElse(""),
                Long.toString(expectedVersion))));
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

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
