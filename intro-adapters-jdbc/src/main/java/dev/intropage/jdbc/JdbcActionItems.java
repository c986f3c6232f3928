package dev.intropage.jdbc;

import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItemRepository;
import dev.intropage.core.model.UserId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the owner's open items, snoozed ones included, through {@code idx_action_items_owner}; when
 * there are more than the limit, the ones due soonest are kept.
 */
final class JdbcActionItems implements ActionItemRepository {
  static final String OPEN =
      "SELECT "
          + Rows.ACTION_ITEM_COLUMNS
          + " FROM action_items WHERE owner_id = :owner AND state = 'OPEN'"
          + " ORDER BY due_at IS NULL, due_at, id LIMIT :limit";

  private final Jdbi jdbi;

  JdbcActionItems(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<ActionItem> open(UserId owner, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(OPEN)
                .bind("owner", owner.value())
                .bind("limit", limit)
                .map(Rows.ACTION_ITEM)
                .list());
  }
}
