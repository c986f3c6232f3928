package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.intropage.core.actions.ActionItemRepository;
import dev.intropage.core.activity.ActivityFeed;
import dev.intropage.core.activity.ActivityFeedSection;
import dev.intropage.core.activity.ActivityRepository;
import dev.intropage.core.internal.StructuredScope;
import dev.intropage.core.internal.StructuredScope.Subtask;
import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.model.UserRepository;
import dev.intropage.core.personalization.Personalization;
import dev.intropage.core.personalization.PreferenceRepository;
import dev.intropage.core.statistics.DailyStatsRepository;
import dev.intropage.core.system.ComponentState;
import dev.intropage.core.system.ComponentStatus;
import dev.intropage.core.system.SystemStatusProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Assembles intro pages: loads the viewer's sections in parallel on virtual threads, each under its
 * {@link SectionPolicy}, all under one page deadline, serving and refreshing cached values, and
 * falling back to the last good value or a default when a section fails.
 *
 * {@snippet :
 * try (IntroPageEngine engine = IntroPageEngine.builder()
 *     .users(userRepository)
 *     .section(WEATHER, context -> weather.today(), SectionPolicy.defaults())
 *     .pageDeadline(Duration.ofMillis(150))
 *     .build()) {
 *   IntroPage page = engine.assemble(PageRequest.of("ada"));
 * }
 * }
 *
 * <p>Thread-safe: one engine serves every request of a process. {@link #assemble} blocks its caller
 * until the page is ready, at most about the page deadline; every thread it starts has ended when
 * it returns. Background refreshes run on the engine's own threads until {@link #close()}.
 */
public final class IntroPageEngine implements AutoCloseable {
  private final Map<String, SectionRunner<?>> runners;
  private final List<String> order;
  private final @Nullable UserRepository users;
  private final List<String> layoutOrder;
  private final Set<String> requiredSections;
  private final @Nullable ActivityFeedSection activityFeed;
  private final Duration pageDeadline;
  private final Clock clock;
  private final ThreadFactory threadFactory;
  private final Listeners listeners;
  private final InvalidationBus bus;
  private final InvalidationBus.Subscription subscription;
  private final int sheddingThreshold;
  private final Cache<CacheKey, Entry> cache;
  private final Cache<UserId, Viewer> profiles;
  private final long profileTtlMillis;
  private final ConcurrentHashMap<CacheKey, Flight> flights = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicInteger pagesInFlight = new AtomicInteger();
  private final ExecutorService refresher;
  private final int maxConcurrentLoads;
  private final LoadSlots loadSlots;

  private IntroPageEngine(Builder builder) {
    this.clock = builder.clock;
    this.threadFactory = builder.threadFactory;
    this.listeners = new Listeners(builder.listener);
    this.users = builder.users;
    this.pageDeadline = builder.pageDeadline;
    this.sheddingThreshold = builder.sheddingThreshold;
    this.maxConcurrentLoads = builder.maxConcurrentLoads;
    this.loadSlots =
        maxConcurrentLoads == UNLIMITED ? LoadSlots.unlimited() : LoadSlots.of(maxConcurrentLoads);
    Map<String, SectionRunner<?>> registered = new LinkedHashMap<>();
    List<String> defaultOrder = List.copyOf(builder.registrations.keySet());
    Set<String> required = new java.util.HashSet<>();
    builder.registrations.forEach(
        (name, registration) -> {
          SectionPolicy policy = builder.policyOverrides.getOrDefault(name, registration.policy());
          if (policy.criticality() == Criticality.REQUIRED) {
            required.add(name);
          }
        });
    this.layoutOrder = defaultOrder;
    this.requiredSections = Set.copyOf(required);
    this.activityFeed = builder.activity == null ? null : new ActivityFeedSection(builder.activity);
    Registration<Personalization> personalization =
        BuiltInSections.personalization(builder.preferences, defaultOrder, Set.copyOf(required));
    registered.put(
        LAYOUT_SECTION,
        personalization.runner(builder.policyOverrides, clock, listeners, loadSlots));
    for (Registration<?> registration : builder.registrations.values()) {
      SectionRunner<?> runner =
          registration.runner(builder.policyOverrides, clock, listeners, loadSlots);
      registered.put(runner.key.name(), runner);
    }
    int index = 0;
    for (SectionRunner<?> runner : registered.values()) {
      runner.index = index++;
    }
    this.runners = Map.copyOf(registered);
    this.order = List.copyOf(registered.keySet());
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(builder.maximumCacheSize)
            .executor(Runnable::run)
            .ticker(ticker)
            .expireAfter(Expiry.<CacheKey, Entry>creating((key, entry) -> entry.retention))
            .evictionListener(
                (@Nullable CacheKey key, @Nullable Entry entry, RemovalCause cause) -> {
                  if (entry != null) {
                    entry.superseded = true;
                  }
                })
            .build();
    this.profiles =
        Caffeine.newBuilder()
            .maximumSize(builder.maximumCacheSize)
            .executor(Runnable::run)
            .ticker(ticker)
            .expireAfterWrite(twice(builder.profileTtl))
            .build();
    this.profileTtlMillis = builder.profileTtl.toMillis();
    this.refresher = Executors.newThreadPerTaskExecutor(threadFactory);
    this.bus = builder.bus;
    this.subscription = bus.subscribe(this::apply);
  }

  /** Returns a builder for an engine. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assembles the viewer's page.
   *
   * @throws UnknownUserException if a user repository is configured and does not know the viewer
   * @throws InvalidInputException if the request names a section the engine does not have
   * @throws RequiredSectionUnavailableException if a required section has no usable value
   * @throws IllegalStateException if the engine is closed
   */
  public IntroPage assemble(PageRequest request) {
    requireNonNull(request, "request");
    if (refresher.isShutdown()) {
      throw new IllegalStateException("engine is closed");
    }
    long startNanos = System.nanoTime();
    long deadline = startNanos + request.deadline().orElse(pageDeadline).toNanos();
    Instant now = clock.instant();
    boolean overloaded = pagesInFlight.incrementAndGet() > sheddingThreshold;
    try {
      Set<String> wanted = request.sections().orElse(Set.of());
      for (String name : wanted) {
        if (!runners.containsKey(name)) {
          throw new InvalidInputException("sections", "unknown section '" + name + "'");
        }
      }
      Viewer viewer = viewer(request.viewer(), deadline, now);
      SectionContext context = new SectionContext(viewer.profile, now);
      List<SectionResult<?>> results = new ArrayList<>();
      SectionResult<?> layoutResult;
      SectionRunner<?> layoutRunner = requireNonNull(runners.get(LAYOUT_SECTION));
      layoutResult =
          BuiltInSections.greetedNow(
              build(List.of(layoutRunner), viewer, context, deadline, overloaded).get(0), context);
      List<String> visible =
          layoutResult
              .data()
              .map(data -> ((Personalization) data).layout().order())
              .orElse(layoutOrder);
      List<SectionRunner<?>> chosen = new ArrayList<>();
      for (String name : visible) {
        if ((wanted.isEmpty() || wanted.contains(name)) && !name.equals(LAYOUT_SECTION)) {
          chosen.add(requireNonNull(runners.get(name)));
        }
      }
      if (wanted.isEmpty() || wanted.contains(LAYOUT_SECTION)) {
        results.add(layoutResult);
      }
      results.addAll(build(chosen, viewer, context, deadline, overloaded));
      for (SectionResult<?> result : results) {
        SectionRunner<?> runner = requireNonNull(runners.get(result.key().name()));
        if (runner.policy.criticality() == Criticality.REQUIRED && !result.usable()) {
          throw new RequiredSectionUnavailableException(
              result.key().name(),
              result.status(),
              result.error().orElseGet(() -> SectionError.failed(result.key())));
        }
      }
      IntroPage page =
          new IntroPage(
              context.viewer().id(),
              now,
              results,
              Duration.ofNanos(System.nanoTime() - startNanos));
      listeners.pageFinished(page);
      return page;
    } catch (RuntimeException failure) {
      listeners.pageFailed(
          request.viewer(), Duration.ofNanos(System.nanoTime() - startNanos), failure);
      throw failure;
    } finally {
      pagesInFlight.decrementAndGet();
    }
  }

  static final String LAYOUT_SECTION = "personalization";

  private static final int UNLIMITED = Integer.MAX_VALUE;

  /**
   * Finds a profile holding a load slot, as a section's load does: the lookup shares the sources'
   * connection pool, and lookups outside the limit queued there, past their deadline, behind loads
   * holding slots (and made those loads time out as failures of their sources).
   */
  private Optional<UserProfile> lookUp(UserRepository repository, UserId id) throws Exception {
    return loadSlots.waitFor(() -> repository.find(id));
  }

  /**
   * A viewer's profile, and the cache entries their last page used: found with the profile, they
   * spare a page one cache lookup per section (five lookups among every user's entries were a tenth
   * of a cached page's time). An entry is used from here only while it is still the cache's own,
   * which {@link Entry#superseded} tells; entries read from here are not seen by the cache's
   * size-based eviction, which then favours them less than their use deserves.
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
  }

  /** How soon a profile whose background lookup failed is looked up again, at the soonest. */
  static final Duration PROFILE_RETRY = Duration.ofSeconds(1);

  /**
   * The viewer of a page. A profile past its time to live is used for as long again while one
   * lookup in the background replaces it: when every profile expired at once, as they do when a
   * busy service filled its cache in one go, a thousand pages queued on their lookups at the same
   * moment and missed their deadline. Only a viewer with no cached profile waits for the lookup.
   */
  private Viewer viewer(UserId id, long deadline, Instant now) {
    Viewer cached = profiles.getIfPresent(id);
    UserRepository repository = users;
    if (cached != null) {
      if (repository != null && now.toEpochMilli() >= cached.refreshAtMillis) {
        refreshProfile(repository, id, cached);
      }
      return cached;
    }
    if (repository == null) {
      Viewer anonymous = new Viewer(UserProfile.anonymous(id), runners.size(), Long.MAX_VALUE);
      profiles.put(id, anonymous);
      return anonymous;
    }
    Optional<UserProfile> found;
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
      found = lookup.get();
    }
    Viewer viewer =
        new Viewer(
            found.orElseThrow(() -> new UnknownUserException(id)),
            runners.size(),
            refreshAt(now.toEpochMilli()));
    profiles.put(id, viewer);
    return viewer;
  }

  /**
   * Looks a viewer's profile up again in the background, one lookup at a time per viewer. The new
   * profile replaces the old one only while the cache still holds the old one, so an invalidation
   * in between wins; a user the repository no longer knows is dropped, and their next page refused.
   * A failed lookup keeps the old profile, and the next page after {@link #PROFILE_RETRY} tries
   * again: the sections that share the repository's database report its failure.
   */
  private void refreshProfile(UserRepository repository, UserId id, Viewer stale) {
    if (!stale.refreshing.compareAndSet(false, true)) {
      return;
    }
    try {
      refresher.execute(
          () -> {
            try {
              Optional<UserProfile> found = lookUp(repository, id);
              if (found.isPresent()) {
                Viewer fresh = new Viewer(found.get(), runners.size(), refreshAt(clock.millis()));
                profiles.asMap().replace(id, stale, fresh);
              } else {
                profiles.asMap().remove(id, stale);
              }
            } catch (Exception e) {
              if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
              }
              stale.refreshAtMillis = clock.millis() + PROFILE_RETRY.toMillis();
            } finally {
              stale.refreshing.set(false);
            }
          });
    } catch (RejectedExecutionException closed) {
      stale.refreshing.set(false);
    }
  }

  /** When a profile looked up at the given time is looked up again. */
  private long refreshAt(long lookedUpMillis) {
    long at = lookedUpMillis + profileTtlMillis;
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
   * The cache's entry for a viewer's section, if it has one: the one their last page used while the
   * cache still holds it. An entry the cache would have expired is older than its section's time to
   * live and stale window together, which {@link #prepare} treats as missing, as it would be.
   */
  private @Nullable Entry cached(Viewer viewer, SectionRunner<?> runner, CacheKey key) {
    Entry entry = viewer.entries.get(runner.index);
    if (entry != null && !entry.superseded) {
      return entry;
    }
    entry = cache.getIfPresent(key);
    if (entry != null) {
      viewer.entries.lazySet(runner.index, entry);
    }
    return entry;
  }

  /** Serves what the cache can and loads the rest in one structured scope. */
  private List<SectionResult<?>> build(
      List<SectionRunner<?>> chosen,
      Viewer viewer,
      SectionContext context,
      long deadline,
      boolean overloaded) {
    List<Slot<?>> slots = new ArrayList<>(chosen.size());
    try (var scope = new StructuredScope<Object>(threadFactory)) {
      for (SectionRunner<?> runner : chosen) {
        slots.add(prepare(runner, viewer, context, deadline, overloaded, scope));
      }
      try {
        scope.joinUntil(deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<SectionResult<?>> results = new ArrayList<>(slots.size());
      for (Slot<?> slot : slots) {
        SectionResult<?> result = slot.settle(context);
        listeners.sectionFinished(
            result.key(), context.viewer().id(), result.status(), result.elapsed());
        results.add(result);
      }
      return results;
    }
  }

  private <T> Slot<T> prepare(
      SectionRunner<T> runner,
      Viewer viewer,
      SectionContext context,
      long deadline,
      boolean overloaded,
      StructuredScope<Object> scope) {
    CacheKey key = CacheKey.of(runner, context.viewer().id());
    Entry entry = cached(viewer, runner, key);
    if (entry != null) {
      Duration age = age(entry, context.now());
      if (age.compareTo(runner.policy.cacheTtl()) < 0) {
        listeners.cacheHit(runner.key);
        return Slot.done(runner, SectionStatus.CACHED, entry, ValueSource.CACHE, age);
      }
      if (age.compareTo(runner.policy.cacheTtl().plus(runner.policy.staleWhileRevalidate())) < 0) {
        listeners.cacheStale(runner.key);
        refreshInBackground(runner, key, context);
        return Slot.done(runner, SectionStatus.STALE, entry, ValueSource.CACHE, age);
      }
    }
    listeners.cacheMiss(runner.key);
    if (overloaded && runner.policy.criticality() == Criticality.OPTIONAL) {
      return Slot.failed(runner, SectionStatus.SKIPPED, SectionError.shed(runner.key), this, key);
    }
    long sectionDeadline = System.nanoTime() + runner.policy.timeout().toNanos();
    boolean pageEndsFirst = sectionDeadline - deadline > 0;
    long until = pageEndsFirst ? deadline : sectionDeadline;
    Subtask<Object> subtask =
        scope.fork(
            self ->
                loadShared(
                    runner, key, context, until, () -> !pageEndsFirst && self.reachedOwnDeadline()),
            until);
    return Slot.forked(runner, subtask, this, key);
  }

  /** Joins a load of the same entry already in flight, or becomes the one that loads it. */
  private Entry loadShared(
      SectionRunner<?> runner,
      CacheKey key,
      SectionContext context,
      long deadline,
      BooleanSupplier ownTimeout)
      throws Exception {
    while (true) {
      Flight mine = new Flight(epoch.get());
      Flight running = flights.putIfAbsent(key, mine);
      if (running == null) {
        return fly(runner, key, context, mine, false, ownTimeout);
      }
      try {
        return running.result.get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof CancellationException) || deadline - System.nanoTime() <= 0) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      } catch (CancellationException e) {
        if (deadline - System.nanoTime() <= 0) {
          throw e;
        }
      }
    }
  }

  /**
   * Loads from the origin for everyone waiting on the flight, and caches the value; a refresh that
   * finds no free load slot cancels the flight, so that a page waiting on it loads by itself.
   */
  private Entry fly(
      SectionRunner<?> runner,
      CacheKey key,
      SectionContext context,
      Flight flight,
      boolean background,
      BooleanSupplier ownTimeout)
      throws Exception {
    try {
      Entry cached = cache.getIfPresent(key);
      if (cached != null && age(cached, clock.instant()).compareTo(runner.policy.cacheTtl()) < 0) {
        // Another flight finished between this page's cache check and this flight's start.
        flight.result.complete(cached);
        return cached;
      }
      Object value = runner.loadFromOrigin(context, background, ownTimeout);
      Instant loadedAt = clock.instant();
      Entry entry = new Entry(value, loadedAt, runner.policy.retention());
      if (epoch.get() == flight.epoch && !runner.policy.retention().isZero()) {
        Entry replaced = cache.asMap().put(key, entry);
        if (replaced != null) {
          replaced.superseded = true;
        }
      }
      flight.result.complete(entry);
      return entry;
    } catch (Throwable failure) {
      flight.result.completeExceptionally(
          Thread.currentThread().isInterrupted()
                  || failure instanceof InterruptedException
                  || failure instanceof SectionRunner.NoLoadSlotSignal
              ? new CancellationException("load interrupted or not started")
              : failure);
      throw failure;
    } finally {
      flights.remove(key, flight);
    }
  }

  private void refreshInBackground(SectionRunner<?> runner, CacheKey key, SectionContext context) {
    Flight flight = new Flight(epoch.get());
    if (flights.putIfAbsent(key, flight) != null) {
      return;
    }
    try {
      refresher.execute(
          () -> {
            long deadline = System.nanoTime() + runner.policy.timeout().toNanos();
            boolean succeeded;
            try (var scope = new StructuredScope<Object>(threadFactory)) {
              Subtask<Object> load =
                  scope.fork(
                      self -> fly(runner, key, context, flight, true, self::reachedOwnDeadline),
                      deadline);
              try {
                scope.joinUntil(deadline);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              succeeded = load.state() == StructuredScope.State.SUCCESS;
            }
            if (!flight.result.isDone()) {
              flight.result.completeExceptionally(new CancellationException("refresh timed out"));
            }
            listeners.refreshFinished(runner.key, succeeded);
          });
    } catch (RejectedExecutionException closed) {
      flights.remove(key, flight);
      flight.result.cancel(false);
    }
  }

  /** Returns the last good value within the section's max-stale age, if the cache has one. */
  @Nullable Entry lastGood(SectionRunner<?> runner, CacheKey key, Instant now) {
    Entry entry = cache.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    Duration limit = runner.policy.cacheTtl().plus(runner.policy.maxStale());
    return age(entry, now).compareTo(limit) <= 0 ? entry : null;
  }

  static Duration age(Entry entry, Instant now) {
    // Not Duration.between, whose general temporal arithmetic was a fiftieth of a cached page.
    Duration age =
        Duration.ofSeconds(
            now.getEpochSecond() - entry.loadedAt.getEpochSecond(),
            now.getNano() - entry.loadedAt.getNano());
    return age.isNegative() ? Duration.ZERO : age;
  }

  /**
   * Drops cached values on this engine and, through the invalidation bus, on every other engine
   * that shares it; loads already running when this is called do not put their values back.
   */
  public void invalidate(Invalidation invalidation) {
    requireNonNull(invalidation, "invalidation");
    apply(invalidation);
    bus.publish(invalidation);
  }

  private void apply(Invalidation invalidation) {
    epoch.incrementAndGet();
    cache
        .asMap()
        .entrySet()
        .removeIf(
            cached -> {
              CacheKey key = cached.getKey();
              if (!invalidation.matches(key.section, key.scope, key.scopeKey)) {
                return false;
              }
              cached.getValue().superseded = true;
              return true;
            });
    flights.keySet().removeIf(key -> invalidation.matches(key.section, key.scope, key.scopeKey));
    if (invalidation.section().isEmpty()) {
      invalidation.user().ifPresentOrElse(profiles::invalidate, profiles::invalidateAll);
    }
  }

  /** Returns each section's circuit breaker as a component of the system overview. */
  List<ComponentStatus> breakerComponents() {
    List<ComponentStatus> components = new ArrayList<>(order.size());
    for (String name : order) {
      SectionRunner<?> runner = requireNonNull(runners.get(name));
      BreakerState state = runner.breakerState();
      components.add(
          new ComponentStatus(
              "section:" + name,
              switch (state) {
                case CLOSED -> ComponentState.UP;
                case HALF_OPEN -> ComponentState.DEGRADED;
                case OPEN -> ComponentState.DOWN;
              },
              "circuit breaker " + state.name().toLowerCase(java.util.Locale.ROOT),
              runner.policy.criticality() == Criticality.REQUIRED));
    }
    return components;
  }

  /** Returns the health of every registered section, in registration order. */
  public List<SectionHealth> health() {
    List<SectionHealth> health = new ArrayList<>(order.size());
    for (String name : order) {
      health.add(requireNonNull(runners.get(name)).health());
    }
    return health;
  }

  /** Returns the engine-wide limit on origin loads, or empty when loads are unlimited. */
  OptionalInt loadLimit() {
    return loadSlots.limited() ? OptionalInt.of(maxConcurrentLoads) : OptionalInt.empty();
  }

  /** Returns about how many origin loads wait for a slot of the engine-wide limit. */
  int loadsWaiting() {
    return loadSlots.waiting();
  }

  /** Returns the names of the sections whose policy is {@link Criticality#REQUIRED}. */
  public Set<String> requiredSections() {
    return requiredSections;
  }

  /**
   * Returns a page of the viewer's older activity, after the cursor of an earlier page.
   *
   * @param viewer whose feed
   * @param cursor the {@code nextCursor} of the page before, or empty for the newest page
   * @param limit how many events, 1 to 100
   * @throws IllegalStateException if the engine has no activity repository
   * @throws InvalidInputException if the cursor is not one this engine made, or the limit is out of
   *     range
   * @throws UnknownUserException if a user repository is configured and does not know the viewer
   */
  public ActivityFeed olderActivity(UserId viewer, Optional<String> cursor, int limit) {
    ActivityFeedSection feed = activityFeed;
    if (feed == null) {
      throw new IllegalStateException("the engine has no activity repository");
    }
    long deadline = System.nanoTime() + pageDeadline.toNanos();
    return feed.page(viewer(viewer, deadline, clock.instant()).profile, cursor, limit);
  }

  /** Returns the names of the registered sections, in their default order. */
  public List<String> sections() {
    return order;
  }

  /**
   * Stops background refreshes, waits briefly for them to end, and leaves the invalidation bus.
   * Closing twice does nothing.
   */
  @Override
  public void close() {
    subscription.close();
    refresher.shutdownNow();
    try {
      if (!refresher.awaitTermination(5, TimeUnit.SECONDS)) {
        System.getLogger(IntroPageEngine.class.getName())
            .log(System.Logger.Level.WARNING, "background refreshes did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A cache key: the section and whose entry it is. */
  record CacheKey(String section, CacheScope scope, String scopeKey) {
    static CacheKey of(SectionRunner<?> runner, UserId user) {
      CacheScope scope = runner.policy.scope();
      return new CacheKey(runner.key.name(), scope, scope == CacheScope.USER ? user.value() : "*");
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

  /** A load in progress that concurrent pages share. */
  static final class Flight {
    final long epoch;
    final CompletableFuture<Entry> result = new CompletableFuture<>();

    Flight(long epoch) {
      this.epoch = epoch;
    }
  }

  /** A registered section before the engine is built. */
  record Registration<T>(
      SectionKey<T> key,
      SectionSource<T> source,
      SectionPolicy policy,
      @Nullable Function<SectionContext, T> fallback) {
    SectionRunner<T> runner(
        Map<String, SectionPolicy> overrides,
        Clock clock,
        Listeners listeners,
        LoadSlots loadSlots) {
      SectionPolicy chosen = overrides.getOrDefault(key.name(), policy);
      return new SectionRunner<>(key, source, chosen, fallback, clock, listeners, loadSlots);
    }
  }

  /**
   * Builds an {@link IntroPageEngine}. Not thread-safe; {@link #build()} takes a snapshot, so one
   * builder can build several engines.
   */
  public static final class Builder {
    private final Map<String, Registration<?>> registrations = new LinkedHashMap<>();
    private final Map<String, SectionPolicy> policyOverrides = new LinkedHashMap<>();
    private @Nullable UserRepository users;
    private @Nullable PreferenceRepository preferences;
    private @Nullable ActivityRepository activity;
    private final AtomicReference<IntroPageEngine> engine = new AtomicReference<>();
    private Duration pageDeadline = Duration.ofMillis(150);
    private Clock clock = Clock.systemUTC();
    private ThreadFactory threadFactory = Thread.ofVirtual().name("intro-section-", 0).factory();
    private EngineListener listener = new EngineListener() {};
    private InvalidationBus bus = InvalidationBus.inProcess();
    private int sheddingThreshold = 512;
    private long maximumCacheSize = 100_000;
    private Duration profileTtl = Duration.ofMinutes(5);
    private int maxConcurrentLoads = UNLIMITED;

    private Builder() {}

    /** Sets where viewers' profiles come from; without one, a viewer is known by id only. */
    public Builder users(UserRepository users) {
      this.users = requireNonNull(users, "users");
      return this;
    }

    /**
     * Sets where users' stored preferences come from; without one, every user gets the default
     * theme, density and layout.
     */
    public Builder preferences(PreferenceRepository preferences) {
      this.preferences = requireNonNull(preferences, "preferences");
      return this;
    }

    /**
     * Adds the user statistics section, read from the daily rollups.
     *
     * @throws IllegalArgumentException if the section is registered already
     */
    public Builder dailyStats(DailyStatsRepository dailyStats) {
      return register(BuiltInSections.statistics(dailyStats));
    }

    /**
     * Adds the actionable items section, read from the repository.
     *
     * @throws IllegalArgumentException if the section is registered already
     */
    public Builder actionItems(ActionItemRepository actionItems) {
      return register(BuiltInSections.actions(actionItems));
    }

    /**
     * Adds the activity feed section, read from the repository.
     *
     * @throws IllegalArgumentException if the section is registered already
     */
    public Builder activity(ActivityRepository activity) {
      register(BuiltInSections.activity(activity));
      this.activity = activity;
      return this;
    }

    /**
     * Adds the system overview section; it also shows the state of every section's breaker.
     *
     * @throws IllegalArgumentException if the section is registered already
     */
    public Builder systemStatus(SystemStatusProvider provider) {
      return register(BuiltInSections.system(provider, () -> requireNonNull(engine.get())));
    }

    /**
     * Registers a section with no default value: when it fails with no last good value, its result
     * has no data.
     *
     * @throws IllegalArgumentException if a section with that name is registered already
     */
    public <T> Builder section(SectionKey<T> key, SectionSource<T> source, SectionPolicy policy) {
      return register(new Registration<>(key, source, policy, null));
    }

    /**
     * Registers a section with a default value, made from the context when the section fails and
     * has no last good value; the default must be cheap and must not fail.
     *
     * @throws IllegalArgumentException if a section with that name is registered already
     */
    public <T> Builder section(
        SectionKey<T> key,
        SectionSource<T> source,
        SectionPolicy policy,
        Function<SectionContext, T> fallback) {
      requireNonNull(fallback, "fallback");
      return register(new Registration<>(key, source, policy, fallback));
    }

    private Builder register(Registration<?> registration) {
      requireNonNull(registration.key(), "key");
      requireNonNull(registration.source(), "source");
      requireNonNull(registration.policy(), "policy");
      String name = registration.key().name();
      if (registrations.containsKey(name) || name.equals(LAYOUT_SECTION)) {
        throw new IllegalArgumentException("section '" + name + "' is registered already");
      }
      registrations.put(name, registration);
      return this;
    }

    /** Replaces the policy of a section, built in or registered, by its name. */
    public Builder policy(SectionKey<?> key, SectionPolicy policy) {
      policyOverrides.put(requireNonNull(key, "key").name(), requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Sets the longest a page may take (150 ms by default); sections not done by then time out.
     *
     * @throws IllegalArgumentException if the deadline is not positive
     */
    public Builder pageDeadline(Duration pageDeadline) {
      requireNonNull(pageDeadline, "pageDeadline");
      if (pageDeadline.isNegative() || pageDeadline.isZero()) {
        throw new IllegalArgumentException("pageDeadline must be positive");
      }
      this.pageDeadline = pageDeadline;
      return this;
    }

    /** Sets the clock for ages, cache expiry and breaker delays (the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the factory of the threads that load sections (virtual threads by default). */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /** Sets the listener that hears the engine's events. */
    public Builder listener(EngineListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** Sets the bus that carries invalidations between engines (in-process by default). */
    public Builder invalidationBus(InvalidationBus bus) {
      this.bus = requireNonNull(bus, "bus");
      return this;
    }

    /**
     * Sets how many pages may be assembled at once before optional sections that need a load are
     * skipped (512 by default).
     *
     * @throws IllegalArgumentException if the threshold is below one
     */
    public Builder sheddingThreshold(int pages) {
      if (pages < 1) {
        throw new IllegalArgumentException("sheddingThreshold must be at least 1");
      }
      this.sheddingThreshold = pages;
      return this;
    }

    /**
     * Sets how many origin loads, of all sections together, may run at once; unlimited by default.
     * Set it to the size of the connection pool the sources share. A page's load beyond it waits
     * for a free slot, up to its section's timeout, and a wait that runs out is a timeout of the
     * page's section but not a failure of its source: the circuit breaker does not count it. A
     * background refresh beyond it is not started; the stale value is served and the next page
     * tries again.
     *
     * @throws IllegalArgumentException if loads is less than 1
     */
    public Builder maxConcurrentLoads(int loads) {
      if (loads < 1) {
        throw new IllegalArgumentException("maxConcurrentLoads must be at least 1, was " + loads);
      }
      this.maxConcurrentLoads = loads;
      return this;
    }

    /**
     * Sets how many section values and profiles the caches hold at most (100,000 by default).
     *
     * @throws IllegalArgumentException if the size is below one
     */
    public Builder maximumCacheSize(long entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("maximumCacheSize must be at least 1");
      }
      this.maximumCacheSize = entries;
      return this;
    }

    /**
     * Sets how long a viewer's profile is cached (5 minutes by default). A profile past it is used
     * for as long again while a lookup in the background replaces it; pages wait for the lookup
     * only when there is no profile to use.
     *
     * @throws IllegalArgumentException if the duration is negative
     */
    public Builder profileTtl(Duration ttl) {
      requireNonNull(ttl, "ttl");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("profileTtl must not be negative");
      }
      this.profileTtl = ttl;
      return this;
    }

    /**
     * Returns a new engine with a snapshot of this builder's settings.
     *
     * @throws IllegalStateException if no section is registered
     * @throws IllegalArgumentException if a policy override names no registered section
     */
    public IntroPageEngine build() {
      if (registrations.isEmpty()) {
        throw new IllegalStateException("register at least one section before build()");
      }
      for (String name : policyOverrides.keySet()) {
        if (!registrations.containsKey(name) && !name.equals(LAYOUT_SECTION)) {
          throw new IllegalArgumentException("policy for unknown section '" + name + "'");
        }
      }
      IntroPageEngine built = new IntroPageEngine(this);
      engine.set(built);
      return built;
    }
  }
}
