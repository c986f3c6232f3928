package dev.intropage.jdbc;

import dev.intropage.core.model.UserId;
import dev.intropage.core.personalization.PreferenceRepository;
import dev.intropage.core.personalization.Preferences;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads a user's stored preferences by primary key, in one statement. */
final class JdbcPreferences implements PreferenceRepository {
  static final String FIND =
      "SELECT " + Rows.PREFERENCE_COLUMNS + " FROM preferences WHERE user_id = :user";

  private final Jdbi jdbi;

  JdbcPreferences(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Preferences> find(UserId user) {
    return jdbi.withHandle(
        handle ->
            handle.createQuery(FIND).bind("user", user.value()).map(Rows.PREFERENCES).findOne());
  }
}
