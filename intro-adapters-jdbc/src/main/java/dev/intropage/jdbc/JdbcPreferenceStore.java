package dev.intropage.jdbc;

import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.PreferenceStore;
import dev.intropage.core.personalization.Preferences;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads and stores preferences for core's update use case: one database transaction per call, a
 * version-checked upsert and the idempotency records. Thread-safe; each transaction is confined to
 * its caller's thread.
 */
final class JdbcPreferenceStore implements PreferenceStore {
  private final Jdbi jdbi;

  JdbcPreferenceStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return jdbi.inTransaction(handle -> work.apply(new Tx(handle)));
  }

  private record Tx(Handle handle) implements Transaction {
    @Override
    public boolean userExists(UserId user) {
      return Writes.findZone(handle, user).isPresent();
    }

    @Override
    public Optional<Preferences> find(UserId user) {
      return handle
          .createQuery(JdbcPreferences.FIND)
          .bind("user", user.value())
          .map(Rows.PREFERENCES)
          .findOne();
    }

    @Override
    public Optional<Recorded> findRecorded(UserId user, String idempotencyKey) {
      return Records.find(handle, user, idempotencyKey)
          .map(row -> new Recorded(row.requestHash(), Records.decodePreferences(row.response())));
    }

    /** Inserts the user's row, or updates it while its version is the expected one. */
    @Override
    public boolean store(Preferences preferences, long expectedVersion) {
      return handle
              .createUpdate(
                  """
                  INSERT INTO preferences
                    (user_id, theme, density, section_order, hidden_sections, zone, locale, version)
                  VALUES (:user, :theme, :density, :order, :hidden, :zone, :locale, :version)
                  ON CONFLICT (user_id) DO UPDATE SET
                    theme = excluded.theme, density = excluded.density,
                    section_order = excluded.section_order,
                    hidden_sections = excluded.hidden_sections,
                    zone = excluded.zone, locale = excluded.locale, version = excluded.version
                  WHERE preferences.version = :expected
                  """)
              .bind("user", preferences.user().value())
              .bind("theme", preferences.theme().map(Enum::name).orElse(null))
              .bind("density", preferences.density().map(Enum::name).orElse(null))
              .bind("order", Sql.joinList(preferences.sectionOrder()))
              .bind("hidden", Sql.joinSet(preferences.hiddenSections()))
              .bind("zone", preferences.zone().map(ZoneId::getId).orElse(null))
              .bind("locale", preferences.locale().map(Locale::toLanguageTag).orElse(null))
              .bind("version", preferences.version())
              .bind("expected", expectedVersion)
              .execute()
          == 1;
    }

    @Override
    public boolean record(UserId user, String idempotencyKey, Recorded recorded, Instant at) {
      return Records.insert(
          handle,
          user,
          idempotencyKey,
          recorded.requestHash(),
          Records.encode(recorded.preferences()),
          at);
    }
  }
}
