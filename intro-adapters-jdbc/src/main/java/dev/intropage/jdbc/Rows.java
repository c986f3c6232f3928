package dev.intropage.jdbc;

import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.activity.ActivityEvent;
import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.Preferences;
import dev.intropage.core.personalization.Preferences.Density;
import dev.intropage.core.personalization.Preferences.Theme;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row mappers from the schema's tables to core's records, by their canonical constructors. */
final class Rows {
  private Rows() {}

  static final String ACTION_ITEM_COLUMNS =
      "id, owner_id, title, priority, due_at, state, snoozed_until, created_at, version";

  static final RowMapper<ActionItem> ACTION_ITEM =
      (rs, ctx) ->
          new ActionItem(
              Sql.string(rs, "id"),
              UserId.of(Sql.string(rs, "owner_id")),
              Sql.string(rs, "title"),
              Priority.valueOf(Sql.string(rs, "priority")),
              Sql.optionalInstant(rs, "due_at"),
              ActionState.valueOf(Sql.string(rs, "state")),
              Sql.optionalInstant(rs, "snoozed_until"),
              Sql.instant(rs, "created_at"),
              rs.getLong("version"));

  static final String ACTIVITY_COLUMNS = "id, actor_id, team, type, subject, occurred_at";

  static final RowMapper<ActivityEvent> ACTIVITY_EVENT =
      (rs, ctx) ->
          new ActivityEvent(
              Sql.string(rs, "id"),
              UserId.of(Sql.string(rs, "actor_id")),
              Sql.optionalString(rs, "team"),
              Sql.string(rs, "type"),
              Sql.string(rs, "subject"),
              Sql.instant(rs, "occurred_at"));

  static final String PREFERENCE_COLUMNS =
      "user_id, theme, density, section_order, hidden_sections, zone, locale, version";

  static final RowMapper<Preferences> PREFERENCES =
      (rs, ctx) ->
          new Preferences(
              UserId.of(Sql.string(rs, "user_id")),
              Sql.optionalString(rs, "theme").map(Theme::valueOf),
              Sql.optionalString(rs, "density").map(Density::valueOf),
              Sql.splitList(Sql.string(rs, "section_order")),
              Set.copyOf(Sql.splitList(Sql.string(rs, "hidden_sections"))),
              Sql.optionalString(rs, "zone").map(ZoneId::of),
              Sql.optionalString(rs, "locale").map(Locale::forLanguageTag),
              rs.getLong("version"));
}
