package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.intropage.core.SectionCache.Entry;
import dev.intropage.core.internal.StructuredScope;
import dev.intropage.core.internal.StructuredScope.Subtask;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.model.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The viewers of pages: their profiles, looked up through the user repository and cached, and the
 * cache entries each viewer's last page used. Thread-safe.
 *
 * <p>A profile past its time to live is used for as long again while Caffeine refreshes it in the
 * background, so that profiles cached in one burst do not make every page wait at once when they
 * expire together. Only a viewer with no cached profile waits for the lookup, under the page's
 * deadline.
 */
final class Viewers {
  /** How soon a profile whose background lookup failed is looked up again, at the soonest. */
  static final Duration RETRY = Duration.ofSeconds(1);

  private final @Nullable UserRepository users;
  private final LoadingCache<UserId, Viewer> profiles;
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
    this.sections = sections;
    this.clock = clock;
    this.loadSlots = loadSlots;
    this.threadFactory = threadFactory;
    this.refresher = refresher;
    Caffeine<Object, Object> builder =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .executor(Runnable::run)
            .ticker(SectionCache.ticker(clock))
            .expireAfterWrite(twice(ttl));
    this.profiles =
        (users == null ? builder : builder.refreshAfterWrite(ttl)).build(new ProfileLoader());
  }

  /**
   * Returns the viewer, from the cache or looked up by the page's deadline.
   *
   * @throws UnknownUserException if the repository does not know the viewer
   * @throws RequiredSectionUnavailableException if the lookup failed or did not end in time
   */
  Viewer viewer(UserId id, long deadline) {
    Viewer cached = profiles.getIfPresent(id);
    if (cached != null) {
      return cached;
    }
    UserRepository repository = users;
    Viewer viewer =
        new Viewer(
            repository == null
                ? UserProfile.anonymous(id)
                : lookUpBy(repository, id, deadline)
                    .orElseThrow(() -> new UnknownUserException(id)),
            sections);
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
   * Looks profiles up for Caffeine's refresh, on the engine's refresher. A user the repository no
   * longer knows is dropped, and their next page refused. A failed lookup keeps the old profile and
   * is not tried again before {@link #RETRY}. A refresh that does not replace the profile ends
   * cancelled, which Caffeine neither logs nor counts as a write, so the next page past the retry
   * time tries again. Caffeine discards a refresh whose entry was removed or replaced meanwhile, so
   * an invalidation wins.
   */
  private final class ProfileLoader implements CacheLoader<UserId, Viewer> {
    @Override
    public Viewer load(UserId id) throws Exception {
      UserRepository repository = requireNonNull(users);
      return new Viewer(
          lookUp(repository, id).orElseThrow(() -> new UnknownUserException(id)), sections);
    }

    @Override
    public CompletableFuture<Viewer> asyncReload(UserId id, Viewer old, Executor executor) {
      CompletableFuture<Viewer> refreshed = new CompletableFuture<>();
      if (clock.millis() < old.retryAtMillis) {
        refreshed.cancel(false);
        return refreshed;
      }
      try {
        refresher.execute(() -> reload(id, old, refreshed));
      } catch (RejectedExecutionException closed) {
        refreshed.cancel(false);
      }
      return refreshed;
    }

    private void reload(UserId id, Viewer old, CompletableFuture<Viewer> refreshed) {
      try {
        refreshed.complete(load(id));
      } catch (UnknownUserException gone) {
        profiles.asMap().remove(id, old);
        refreshed.cancel(false);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        old.retryAtMillis = clock.millis() + RETRY.toMillis();
        refreshed.cancel(false);
      }
    }
  }

  /** Forgets one viewer's profile, or everyone's. */
  void invalidate(Optional<UserId> user) {
    user.ifPresentOrElse(profiles::invalidate, profiles::invalidateAll);
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

    /** Before when, by the engine's clock in epoch milliseconds, a failed lookup is not retried. */
    volatile long retryAtMillis;

    private final AtomicReferenceArray<@Nullable Entry> entries;

    Viewer(UserProfile profile, int sections) {
      this.profile = profile;
      this.entries = new AtomicReferenceArray<>(sections);
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
