package dev.intropage.core.actions;

import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-memory {@link ActionItemStore} with the port's transaction contract: the work runs on a
 * copy that replaces the committed state when it returns and is dropped when it throws. A test can
 * make another request commit in the middle of a transaction with {@link #beforeStore} or {@link
 * #beforeRecord}; that change is committed at once and visible to the running transaction.
 */
final class FakeActionItemStore implements ActionItemStore {
  /** The stored data: items by owner and id, records by owner and key, completions counted. */
  static final class State {
    final Map<List<String>, ActionItem> items = new HashMap<>();
    final Map<List<String>, Recorded> records = new HashMap<>();
    final List<Instant> completions = new ArrayList<>();

    State copy() {
      State copy = new State();
      copy.items.putAll(items);
      copy.records.putAll(records);
      copy.completions.addAll(completions);
      return copy;
    }

    void put(ActionItem item) {
      items.put(List.of(item.owner().value(), item.id()), item);
    }

    void record(UserId owner, String key, Recorded recorded) {
      records.put(List.of(owner.value(), key), recorded);
    }
  }

  private State committed = new State();
  private Consumer<State> beforeStore = state -> {};
  private Consumer<State> beforeRecord = state -> {};
  private boolean keyAlwaysTaken;
  int transactions;

  /** Stores an item as if it had been committed before. */
  FakeActionItemStore with(ActionItem item) {
    committed.put(item);
    return this;
  }

  /** Makes a concurrent request commit a change just before the next store. */
  void beforeStore(Consumer<State> change) {
    beforeStore = concurrently(change);
  }

  /** Makes a concurrent request commit a change just before the next record. */
  void beforeRecord(Consumer<State> change) {
    beforeRecord = concurrently(change);
  }

  /** Makes every record find its key taken, as if each time by a request that then vanished. */
  void keyAlwaysTaken() {
    keyAlwaysTaken = true;
  }

  private Consumer<State> concurrently(Consumer<State> change) {
    return running -> {
      change.accept(committed);
      change.accept(running);
    };
  }

  State committed() {
    return committed;
  }

  Optional<ActionItem> item(UserId owner, String id) {
    return Optional.ofNullable(committed.items.get(List.of(owner.value(), id)));
  }

  Optional<Recorded> recorded(UserId owner, String key) {
    return Optional.ofNullable(committed.records.get(List.of(owner.value(), key)));
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    transactions++;
    State working = committed.copy();
    T result = work.apply(new Tx(working));
    committed = working;
    return result;
  }

  private final class Tx implements Transaction {
    private final State state;

    Tx(State state) {
      this.state = state;
    }

    @Override
    public Optional<ActionItem> find(UserId owner, String itemId) {
      return Optional.ofNullable(state.items.get(List.of(owner.value(), itemId)));
    }

    @Override
    public Optional<Recorded> findRecorded(UserId owner, String idempotencyKey) {
      return Optional.ofNullable(state.records.get(List.of(owner.value(), idempotencyKey)));
    }

    @Override
    public boolean store(ActionItem item, long expectedVersion) {
      Consumer<State> change = beforeStore;
      beforeStore = s -> {};
      change.accept(state);
      ActionItem current = state.items.get(List.of(item.owner().value(), item.id()));
      if (current == null || current.version() != expectedVersion) {
        return false;
      }
      state.put(item);
      return true;
    }

    @Override
    public void countCompletion(UserId owner, Instant at) {
      state.completions.add(at);
    }

    @Override
    public boolean record(UserId owner, String idempotencyKey, Recorded recorded, Instant at) {
      Consumer<State> change = beforeRecord;
      beforeRecord = s -> {};
      change.accept(state);
      if (keyAlwaysTaken || state.records.containsKey(List.of(owner.value(), idempotencyKey))) {
        return false;
      }
      state.record(owner, idempotencyKey, recorded);
      return true;
    }
  }
}
