package dev.intropage.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.intropage.core.SectionPolicy.CacheScope;
import dev.intropage.core.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The engine's cache of loaded section values, bounded in size, each entry kept for its section's
 * retention (time to live, stale window and max-stale together). Thread-safe.
 */
final class SectionCache {
  private final Cache<Key, Entry> cache;

  SectionCache(long maximumSize, Clock clock) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .executor(Runnable::run)
            .ticker(ticker(clock))
            .expireAfter(Expiry.<Key, Entry>creating((key, entry) -> entry.retention))
            .evictionListener(
                (@Nullable Key key, @Nullable Entry entry, RemovalCause cause) -> {
                  if (entry != null) {
                    entry.superseded = true;
                  }
                })
            .build();
  }

  /** A ticker that follows the engine's clock, so that tests can move time. */
  static Ticker ticker(Clock clock) {
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  @Nullable Entry get(Key key) {
    return cache.getIfPresent(key);
  }

  /** Stores a value, marking the entry it replaces as superseded. */
  void put(Key key, Entry entry) {
    Entry replaced = cache.asMap().put(key, entry);
    if (replaced != null) {
      replaced.superseded = true;
    }
  }

  /** Returns the last good value within the section's max-stale age, if the cache has one. */
  @Nullable Entry lastGood(SectionRunner<?> runner, Key key, Instant now) {
    Entry entry = cache.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    Duration limit = runner.policy.cacheTtl().plus(runner.policy.maxStale());
    return age(entry, now).compareTo(limit) <= 0 ? entry : null;
  }

  /** Drops the entries the invalidation matches, marking them superseded. */
  void invalidate(Invalidation invalidation) {
    cache
        .asMap()
        .entrySet()
        .removeIf(
            cached -> {
              Key key = cached.getKey();
              if (!invalidation.matches(key.section, key.scope, key.scopeKey)) {
                return false;
              }
              cached.getValue().superseded = true;
              return true;
            });
  }

  /** Returns how old an entry is at the given instant; never negative. */
  static Duration age(Entry entry, Instant now) {
    // From seconds and nanos directly: Duration.between's general temporal arithmetic costs more
    // on the cached page's path (docs/performance.md).
    Duration age =
        Duration.ofSeconds(
            now.getEpochSecond() - entry.loadedAt.getEpochSecond(),
            now.getNano() - entry.loadedAt.getNano());
    return age.isNegative() ? Duration.ZERO : age;
  }

  /** A cache key: the section and whose entry it is. */
  record Key(String section, CacheScope scope, String scopeKey) {
    static Key of(SectionRunner<?> runner, UserId user) {
      CacheScope scope = runner.policy.scope();
      return new Key(runner.key.name(), scope, scope == CacheScope.USER ? user.value() : "*");
    }
  }

  /**
   * A loaded value and when it was loaded; {@link #superseded} once the cache no longer holds it
   * (replaced, invalidated or evicted), so that a viewer's remembered entries are not used after.
   */
  static final class Entry {
    final Object value;
    final Instant loadedAt;
    final Duration retention;
    volatile boolean superseded;

    Entry(Object value, Instant loadedAt, Duration retention) {
      this.value = value;
      this.loadedAt = loadedAt;
      this.retention = retention;
    }
  }
}
