package dev.intropage.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.intropage.core.SectionCache.Entry;
import dev.intropage.core.internal.StructuredScope;
import dev.intropage.core.internal.StructuredScope.Subtask;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.model.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The viewers of pages: their profiles, looked up through the user repository and cached, and the
 * cache entries each viewer's last page used. Thread-safe.
 *
 * <p>A profile past its time to live is used for as long again while one lookup in the background
 * replaces it, so that profiles cached in one burst do not make every page wait at once when they
 * expire together. Only a viewer with no cached profile waits for the lookup.
 */
final class Viewers {
  /** How soon a profile whose background lookup failed is looked up again, at the soonest. */
  static final Duration RETRY = Duration.ofSeconds(1);

  private final @Nullable UserRepository users;
  private final Cache<UserId, Viewer> profiles;
  private final long ttlMillis;
  private final int sections;
  private final Clock clock;
  private final LoadSlots loadSlots;
  private final ThreadFactory threadFactory;
  private final Executor refresher;

  Viewers(
      @Nullable UserRepository users,
      long maximumSize,
      Duration ttl,
      int sections,
      Clock clock,
      LoadSlots loadSlots,
      ThreadFactory threadFactory,
      Executor refresher) {
    this.users = users;
    this.ttlMillis = ttl.toMillis();
    this.sections = sections;
    this.clock = clock;
    this.loadSlots = loadSlots;
    this.threadFactory = threadFactory;
    this.refresher = refresher;
    this.profiles =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .executor(Runnable::run)
            .ticker(SectionCache.ticker(clock))
            .expireAfterWrite(twice(ttl))
            .build();
  }

  /**
   * Returns the viewer, from the cache or looked up by the page's deadline.
   *
   * @throws UnknownUserException if the repository does not know the viewer
   * @throws RequiredSectionUnavailableException if the lookup failed or did not end in time
   */
  Viewer viewer(UserId id, long deadline) {
    Viewer cached = profiles.getIfPresent(id);
    UserRepository repository = users;
    if (cached != null) {
      if (repository != null && clock.millis() >= cached.refreshAtMillis) {
        refresh(repository, id, cached);
      }
      return cached;
    }
    if (repository == null) {
      Viewer anonymous = new Viewer(UserProfile.anonymous(id), sections, Long.MAX_VALUE);
      profiles.put(id, anonymous);
      return anonymous;
    }
    Viewer viewer =
        new Viewer(
            lookUpBy(repository, id, deadline).orElseThrow(() -> new UnknownUserException(id)),
            sections,
            refreshAt(clock.millis()));
    profiles.put(id, viewer);
    return viewer;
  }

  private Optional<UserProfile> lookUpBy(UserRepository repository, UserId id, long deadline) {
    try (var scope = new StructuredScope<Optional<UserProfile>>(threadFactory)) {
      Subtask<Optional<UserProfile>> lookup = scope.fork(() -> lookUp(repository, id), deadline);
      try {
        scope.joinUntil(deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (lookup.state() != StructuredScope.State.SUCCESS) {
        SectionKey<UserProfile> key = SectionKey.of("viewer", UserProfile.class);
        boolean timedOut = lookup.state() != StructuredScope.State.FAILED;
        throw new RequiredSectionUnavailableException(
            key.name(),
            timedOut ? SectionStatus.TIMED_OUT : SectionStatus.FAILED,
            timedOut
                ? SectionError.timeout(key, Duration.ofNanos(lookup.elapsedNanos()).toMillis())
                : SectionError.failed(key));
      }
      return lookup.get();
    }
  }

  /**
   * Finds a profile holding a load slot, as a section's load does: the lookup shares the sources'
   * connection pool, and a lookup outside the limit would queue there behind loads holding slots.
   */
  private Optional<UserProfile> lookUp(UserRepository repository, UserId id) throws Exception {
    return loadSlots.waitFor(waited -> repository.find(id));
  }

  /**
   * Looks a viewer's profile up again in the background, one lookup at a time per viewer. The new
   * profile replaces the old one only while the cache still holds the old one, so an invalidation
   * in between wins; a user the repository no longer knows is dropped, and their next page refused.
   * A failed lookup keeps the old profile, and the next page after {@link #RETRY} tries again.
   */
  private void refresh(UserRepository repository, UserId id, Viewer stale) {
    if (!stale.refreshing.compareAndSet(false, true)) {
      return;
    }
    try {
      refresher.execute(
          () -> {
            try {
              Optional<UserProfile> found = lookUp(repository, id);
              if (found.isPresent()) {
                Viewer fresh = new Viewer(found.get(), sections, refreshAt(clock.millis()));
                profiles.asMap().replace(id, stale, fresh);
              } else {
                profiles.asMap().remove(id, stale);
              }
            } catch (Exception e) {
              if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
              }
              stale.refreshAtMillis = clock.millis() + RETRY.toMillis();
            } finally {
              stale.refreshing.set(false);
            }
          });
    } catch (RejectedExecutionException closed) {
      stale.refreshing.set(false);
    }
  }

  /** Forgets one viewer's profile, or everyone's. */
  void invalidate(Optional<UserId> user) {
    user.ifPresentOrElse(profiles::invalidate, profiles::invalidateAll);
  }

  private long refreshAt(long lookedUpMillis) {
    long at = lookedUpMillis + ttlMillis;
    return at < lookedUpMillis ? Long.MAX_VALUE : at;
  }

  /** A profile is kept for twice its time to live: the second half while it is looked up again. */
  private static Duration twice(Duration ttl) {
    try {
      return ttl.multipliedBy(2);
    } catch (ArithmeticException tooLong) {
      return ttl;
    }
  }

  /**
   * A viewer's profile, and the cache entries their last page used, which spare a page a lookup
   * among every user's entries per section. An entry is used from here only while it is still the
   * cache's own, which {@link Entry#superseded} tells.
   */
  static final class Viewer {
    final UserProfile profile;

    /** When, by the engine's clock in epoch milliseconds, the profile is looked up again. */
    volatile long refreshAtMillis;

    final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicReferenceArray<@Nullable Entry> entries;

    Viewer(UserProfile profile, int sections, long refreshAtMillis) {
      this.profile = profile;
      this.entries = new AtomicReferenceArray<>(sections);
      this.refreshAtMillis = refreshAtMillis;
    }

    /** Returns the entry this viewer's last page used for the section, if still the cache's. */
    @Nullable Entry remembered(int section) {
      Entry entry = entries.get(section);
      return entry == null || entry.superseded ? null : entry;
    }

    void remember(int section, Entry entry) {
      entries.lazySet(section, entry);
    }
  }
}
