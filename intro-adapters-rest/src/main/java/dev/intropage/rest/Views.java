package dev.intropage.rest;

import dev.intropage.core.IntroPage;
import dev.intropage.core.SectionHealth;
import dev.intropage.core.SectionResult;
import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityFeed.ActivityGroup;
import dev.intropage.core.personalization.Preferences;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The records of the JSON contract and their mapping from core's types. Timings are whole
 * milliseconds in {@code ...Millis} fields; enums are their constant names.
 */
final class Views {
  private Views() {}

  /**
   * The page.
   *
   * @param userId whose page
   * @param assembledAt when assembly started, by the engine's clock
   * @param elapsedMillis how long assembly took
   * @param sections the sections in display order
   */
  record PageView(
      String userId, Instant assembledAt, long elapsedMillis, List<SectionView> sections) {
    /** Maps a page, putting each section's data through {@code data} (see {@link PageJson}). */
    static PageView of(IntroPage page, Function<Object, Object> data) {
      List<SectionView> sections = new ArrayList<>(page.sections().size());
      for (SectionResult<?> result : page.sections()) {
        sections.add(SectionView.of(result, data));
      }
      return new PageView(
          page.user().value(), page.assembledAt(), page.elapsed().toMillis(), sections);
    }
  }

  /**
   * One section of the page.
   *
   * @param key the section's name
   * @param status what happened while loading it ({@code FRESH}, {@code CACHED}, ...)
   * @param data the section's data, or null when nothing usable was available
   * @param source where the data came from ({@code ORIGIN}, {@code CACHE}, ...)
   * @param ageMillis how old the data is
   * @param elapsedMillis how long this page spent on the section
   * @param error why there is no fresh data, or null
   */
  record SectionView(
      String key,
      String status,
      @Nullable Object data,
      String source,
      long ageMillis,
      long elapsedMillis,
      @Schema(types = {"object", "null"}) @Nullable ErrorView error) {
    static SectionView of(SectionResult<?> result, Function<Object, Object> data) {
      return new SectionView(
          result.key().name(),
          result.status().name(),
          result.data().map(data).orElse(null),
          result.source().name(),
          result.age().toMillis(),
          result.elapsed().toMillis(),
          result.error().map(e -> new ErrorView(e.code(), e.message(), e.hint())).orElse(null));
    }
  }

  /**
   * One page of the activity feed.
   *
   * @param groups the page's events, grouped, newest first
   * @param unreadCount how many of the page's events happened after the viewer's last visit
   * @param nextCursor the cursor of the next page, or null on the last page
   */
  record ActivityFeedView(
      List<ActivityGroupView> groups,
      int unreadCount,
      @Schema(types = {"string", "null"}) @Nullable String nextCursor) {
    static ActivityFeedView of(ActivityFeed feed) {
      List<ActivityGroupView> groups = new ArrayList<>(feed.groups().size());
      for (ActivityGroup group : feed.groups()) {
        groups.add(
            new ActivityGroupView(
                group.type(),
                group.actor().value(),
                group.subject(),
                group.count(),
                group.firstAt(),
                group.lastAt(),
                group.eventIds(),
                group.unread()));
      }
      return new ActivityFeedView(groups, feed.unreadCount(), feed.nextCursor().orElse(null));
    }
  }

  /**
   * Adjacent events of one actor, type and subject, shown as one line.
   *
   * @param type the events' type
   * @param actor the user id of the events' actor
   * @param subject the events' subject
   * @param count how many events the group holds
   * @param firstAt when the oldest event happened
   * @param lastAt when the newest event happened
   * @param eventIds the events' ids, newest first
   * @param unread whether the newest event happened after the viewer's last visit
   */
  record ActivityGroupView(
      String type,
      String actor,
      String subject,
      int count,
      Instant firstAt,
      Instant lastAt,
      List<String> eventIds,
      boolean unread) {}

  /**
   * Why a section has no fresh data.
   *
   * @param code a stable upper-case code
   * @param message what went wrong
   * @param hint what to do about it
   */
  record ErrorView(String code, String message, String hint) {}

  /**
   * The health of the sections a page is built from.
   *
   * @param userId whose page
   * @param checkedAt when, by the adapter's clock
   * @param sections each section's health, in registration order
   */
  record HealthView(String userId, Instant checkedAt, List<SectionHealthView> sections) {}

  /**
   * One section's health.
   *
   * @param section the section's name
   * @param criticality {@code REQUIRED}, {@code STANDARD} or {@code OPTIONAL}
   * @param breaker {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
   * @param lastSuccess when its source last answered, or null
   * @param lastFailure when its source last failed, or null
   * @param lastErrorCode the code of the last failure, or null
   */
  record SectionHealthView(
      String section,
      String criticality,
      String breaker,
      @Schema(
              types = {"string", "null"},
              format = "date-time")
          @Nullable Instant lastSuccess,
      @Schema(
              types = {"string", "null"},
              format = "date-time")
          @Nullable Instant lastFailure,
      @Schema(types = {"string", "null"}) @Nullable String lastErrorCode) {
    static SectionHealthView of(SectionHealth health) {
      return new SectionHealthView(
          health.section(),
          health.criticality().name(),
          health.breaker().name(),
          health.lastSuccess().orElse(null),
          health.lastFailure().orElse(null),
          health.lastErrorCode().orElse(null));
    }
  }

  /**
   * Stored preferences after an update.
   *
   * @param theme the chosen theme, or null
   * @param density the chosen density, or null
   * @param sectionOrder the sections wanted first
   * @param hiddenSections the sections hidden
   * @param zone the time zone override, or null
   * @param locale the locale override as a BCP 47 tag, or null
   * @param version the stored version; send it back in {@code If-Match}
   */
  record PreferencesView(
      @Schema(types = {"string", "null"}) @Nullable Theme theme,
      @Schema(types = {"string", "null"}) @Nullable Density density,
      List<String> sectionOrder,
      List<String> hiddenSections,
      @Schema(types = {"string", "null"}) @Nullable String zone,
      @Schema(types = {"string", "null"}) @Nullable String locale,
      long version) {
    static PreferencesView of(Preferences preferences) {
      return new PreferencesView(
          preferences.theme().orElse(null),
          preferences.density().orElse(null),
          preferences.sectionOrder(),
          preferences.hiddenSections().stream().sorted().toList(),
          preferences.zone().map(Object::toString).orElse(null),
          preferences.locale().map(java.util.Locale::toLanguageTag).orElse(null),
          preferences.version());
    }
  }

  /**
   * An action item after a change.
   *
   * @param id the item's id
   * @param title what to do
   * @param priority how urgent
   * @param state {@code OPEN}, {@code COMPLETED} or {@code DISMISSED}
   * @param dueAt when it is due, or null
   * @param snoozedUntil until when it is hidden, or null
   * @param version the new version; send it with the next change
   */
  record ActionItemView(
      String id,
      String title,
      String priority,
      String state,
      @Schema(
              types = {"string", "null"},
              format = "date-time")
          @Nullable Instant dueAt,
      @Schema(
              types = {"string", "null"},
              format = "date-time")
          @Nullable Instant snoozedUntil,
      long version) {
    static ActionItemView of(ActionItem item) {
      return new ActionItemView(
          item.id(),
          item.title(),
          item.priority().name(),
          item.state().name(),
          item.dueAt().orElse(null),
          item.snoozedUntil().orElse(null),
          item.version());
    }
  }

  /**
   * The body of a preferences update: each field present replaces the stored value, each absent or
   * null one leaves it alone.
   *
   * @param theme the new theme
   * @param density the new density
   * @param sectionOrder the sections wanted first, in order
   * @param hiddenSections the sections to hide
   * @param zone a time zone id such as {@code Europe/Paris}
   * @param locale a BCP 47 tag such as {@code fr-CA}
   */
  record PreferencesBody(
      @Nullable Theme theme,
      @Nullable Density density,
      @Nullable List<String> sectionOrder,
      @Nullable Set<String> hiddenSections,
      @Nullable String zone,
      @Nullable String locale) {}

  /**
   * The body of an action on an item.
   *
   * @param version the item's version the client last saw
   * @param until for snooze only: when the item shows again
   */
  record ActionBody(@Nullable Long version, @Nullable Instant until) {}

  /**
   * The body of a cache invalidation; both absent means everything.
   *
   * @param userId only this user's entries
   * @param section only this section's entries
   */
  record InvalidateBody(@Nullable String userId, @Nullable String section) {}

  /**
   * What an invalidation dropped.
   *
   * @param userId the user, or null for every user
   * @param section the section, or null for every section
   */
  record InvalidatedView(
      @Schema(types = {"string", "null"}) @Nullable String userId,
      @Schema(types = {"string", "null"}) @Nullable String section) {}

  /**
   * A health probe's answer.
   *
   * @param status {@code UP} or {@code DOWN}
   */
  record StatusView(String status) {}
}
