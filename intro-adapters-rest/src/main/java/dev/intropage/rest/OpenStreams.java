package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open event streams, by user, with at most a fixed number per user. Each user's streams are an
 * immutable set replaced on every change, so readers iterate without locks while streams open and
 * close.
 *
 * <p>Thread-safe.
 *
 * @param <S> the stream type
 */
final class OpenStreams<S> {
  private final int maxPerUser;
  private final ConcurrentHashMap<String, Set<S>> byUser = new ConcurrentHashMap<>();

  /**
   * Creates an empty registry.
   *
   * @throws IllegalArgumentException if {@code maxPerUser} is below one
   */
  OpenStreams(int maxPerUser) {
    if (maxPerUser < 1) {
      throw new IllegalArgumentException("maxPerUser must be at least 1: " + maxPerUser);
    }
    this.maxPerUser = maxPerUser;
  }

  /** Adds the user's stream and returns true, or returns false if the user has all theirs open. */
  boolean add(String user, S stream) {
    requireNonNull(stream, "stream");
    boolean[] added = {false};
    byUser.compute(
        user,
        (key, open) -> {
          Set<S> current = open == null ? Set.of() : open;
          if (current.size() >= maxPerUser) {
            return open;
          }
          Set<S> more = new HashSet<>(current);
          more.add(stream);
          added[0] = true;
          return Set.copyOf(more);
        });
    return added[0];
  }

  /** Removes the user's stream, freeing its place; removing it again does nothing. */
  void remove(String user, S stream) {
    byUser.computeIfPresent(
        user,
        (key, open) -> {
          Set<S> fewer = new HashSet<>(open);
          fewer.remove(stream);
          return fewer.isEmpty() ? null : Set.copyOf(fewer);
        });
  }

  /** Returns the user's open streams, none if the user has none. */
  Set<S> of(String user) {
    return byUser.getOrDefault(user, Set.of());
  }

  /** Returns how many streams the user has open. */
  int count(String user) {
    return of(user).size();
  }

  /** Returns every open stream, of all users. */
  List<S> all() {
    List<S> all = new ArrayList<>();
    byUser.values().forEach(all::addAll);
    return all;
  }
}
