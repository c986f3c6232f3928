package dev.intropage.bench;

import dev.intropage.core.PageRequest;
import dev.intropage.core.model.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A fixed pool of viewers, shuffled once, that benchmarks draw from so no input is constant. */
final class Users {
  /** How many users the pool holds; a power of two, so that an index is masked, not divided. */
  static final int POOL_SIZE = 1_024;

  static final int MASK = POOL_SIZE - 1;

  private Users() {}

  /** Returns the pool's user ids in a seeded random order: user-00000 to user-01023. */
  static UserId[] ids() {
    List<UserId> ids = new ArrayList<>(POOL_SIZE);
    for (int i = 0; i < POOL_SIZE; i++) {
      ids.add(UserId.of(String.format("user-%05d", i)));
    }
    Collections.shuffle(ids, new Random(42));
    return ids.toArray(UserId[]::new);
  }

  /** Returns one page request per pooled user, in the order of {@link #ids()}. */
  static PageRequest[] requests() {
    UserId[] ids = ids();
    PageRequest[] requests = new PageRequest[ids.length];
    for (int i = 0; i < ids.length; i++) {
      requests[i] = PageRequest.of(ids[i]);
    }
    return requests;
  }

  /**
   * A small hash of a user id that the JIT cannot fold away: FNV-1a over the id's characters, mixed
   * with the source's number, standing for an instant in-memory section source.
   */
  static long hash(UserId user, int source) {
    String value = user.value();
    long hash = 0xcbf29ce484222325L ^ source;
    for (int i = 0; i < value.length(); i++) {
      hash ^= value.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
