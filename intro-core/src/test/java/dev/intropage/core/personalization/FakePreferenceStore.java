package dev.intropage.core.personalization;

import dev.intropage.core.model.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-memory {@link PreferenceStore} with the port's transaction contract: the work runs on a
 * copy that replaces the committed state when it returns and is dropped when it throws. A test can
 * make another request commit in the middle of a transaction with {@link #beforeStore} or {@link
 * #beforeRecord}; that change is committed at once and visible to the running transaction.
 */
final class FakePreferenceStore implements PreferenceStore {
  /** The stored data: users, preferences by user, records by user and key. */
  static final class State {
    final Set<UserId> users = new HashSet<>();
    final Map<UserId, Preferences> preferences = new HashMap<>();
    final Map<List<String>, Recorded> records = new HashMap<>();

    State copy() {
      State copy = new State();
      copy.users.addAll(users);
      copy.preferences.putAll(preferences);
      copy.records.putAll(records);
      return copy;
    }

    void record(UserId user, String key, Recorded recorded) {
      records.put(List.of(user.value(), key), recorded);
    }
  }

  private State committed = new State();
  private Consumer<State> beforeStore = state -> {};
  private Consumer<State> beforeRecord = state -> {};
  private boolean keyAlwaysTaken;
  int transactions;

  FakePreferenceStore(UserId... users) {
    committed.users.addAll(List.of(users));
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

  Optional<Preferences> stored(UserId user) {
    return Optional.ofNullable(committed.preferences.get(user));
  }

  Optional<Recorded> recorded(UserId user, String key) {
    return Optional.ofNullable(committed.records.get(List.of(user.value(), key)));
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
    public boolean userExists(UserId user) {
      return state.users.contains(user);
    }

    @Override
    public Optional<Preferences> find(UserId user) {
      return Optional.ofNullable(state.preferences.get(user));
    }

    @Override
    public Optional<Recorded> findRecorded(UserId user, String idempotencyKey) {
      return Optional.ofNullable(state.records.get(List.of(user.value(), idempotencyKey)));
    }

    @Override
    public boolean store(Preferences preferences, long expectedVersion) {
      Consumer<State> change = beforeStore;
      beforeStore = s -> {};
      change.accept(state);
      long current =
          Optional.ofNullable(state.preferences.get(preferences.user()))
              .map(Preferences::version)
              .orElse(0L);
      if (current != expectedVersion) {
        return false;
      }
      state.preferences.put(preferences.user(), preferences);
      return true;
    }

    @Override
    public boolean record(UserId user, String idempotencyKey, Recorded recorded, Instant at) {
      Consumer<State> change = beforeRecord;
      beforeRecord = s -> {};
      change.accept(state);
      if (keyAlwaysTaken || state.records.containsKey(List.of(user.value(), idempotencyKey))) {
        return false;
      }
      state.record(user, idempotencyKey, recorded);
      return true;
    }
  }
}
