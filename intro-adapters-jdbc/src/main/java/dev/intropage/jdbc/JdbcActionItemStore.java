package dev.intropage.jdbc;

import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItemStore;
import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads and stores action items for core's write use case: one database transaction per call, a
 * version-checked update, the {@code completed} column of the daily rollup and the idempotency
 * records. Thread-safe; each transaction is confined to its caller's thread.
 */
final class JdbcActionItemStore implements ActionItemStore {
  private final Jdbi jdbi;

  JdbcActionItemStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return jdbi.inTransaction(handle -> work.apply(new Tx(handle)));
  }

  private record Tx(Handle handle) implements Transaction {
    @Override
    public Optional<ActionItem> find(UserId owner, String itemId) {
      return handle
          .createQuery(
              "SELECT "
                  + Rows.ACTION_ITEM_COLUMNS
                  + " FROM action_items WHERE id = :id AND owner_id = :owner")
          .bind("id", itemId)
          .bind("owner", owner.value())
          .map(Rows.ACTION_ITEM)
          .findOne();
    }

    @Override
    public Optional<Recorded> findRecorded(UserId owner, String idempotencyKey) {
      return Records.find(handle, owner, idempotencyKey)
          .map(row -> new Recorded(row.requestHash(), Records.decodeActionItem(row.response())));
    }

    @Override
    public boolean store(ActionItem item, long expectedVersion) {
      return handle
              .createUpdate(
                  "UPDATE action_items SET title = :title, priority = :priority, due_at = :due,"
                      + " state = :state, snoozed_until = :snoozed, version = :version"
                      + " WHERE id = :id AND owner_id = :owner AND version = :expected")
              .bind("title", item.title())
              .bind("priority", item.priority().name())
              .bind("due", item.dueAt().map(Sql::micros).orElse(null))
              .bind("state", item.state().name())
              .bind("snoozed", item.snoozedUntil().map(Sql::micros).orElse(null))
              .bind("version", item.version())
              .bind("id", item.id())
              .bind("owner", item.owner().value())
              .bind("expected", expectedVersion)
              .execute()
          == 1;
    }

    @Override
    public void countCompletion(UserId owner, Instant at) {
      Writes.addDaily(handle, owner, Sql.day(at, Writes.zoneOf(handle, owner)), 0, 1);
    }

    @Override
    public boolean record(UserId owner, String idempotencyKey, Recorded recorded, Instant at) {
      return Records.insert(
          handle,
          owner,
          idempotencyKey,
          recorded.requestHash(),
          Records.encode(recorded.item()),
          at);
    }
  }
}
