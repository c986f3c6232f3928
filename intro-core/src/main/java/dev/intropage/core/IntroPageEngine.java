package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import dev.intropage.core.model.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Assembles intro pages: loads the viewer's sections in parallel on virtual threads, each under its
 * {@link SectionPolicy}, all under one page deadline, serving and refreshing cached values, and
 * falling back to the last good value or a default when a section fails.
 *
 * {@snippet :
 * try (IntroPageEngine engine = IntroPageEngine.builder()
 *     .viewers(userRepository)
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
  private final List<SectionRunner<?>> runners;
  private final List<String> names;
  private final Set<String> requiredSections;
  private final PageAssembler assembler;
  private final SectionCache cache;
  private final SectionLoader loader;
  private final Viewers viewers;
  private final LoadSlots loadSlots;
  private final ExecutorService refresher;
  private final InvalidationBus bus;
  private final InvalidationBus.Subscription subscription;

  private IntroPageEngine(Builder builder) {
    Listeners listeners = new Listeners(List.copyOf(builder.listeners));
    this.loadSlots =
        builder.maxConcurrentLoads == UNLIMITED
            ? LoadSlots.unlimited()
            : LoadSlots.of(builder.maxConcurrentLoads);
    List<SectionRunner<?>> registered = new ArrayList<>();
    for (Section<?> section : builder.sections.values()) {
      SectionPolicy policy = builder.policies.getOrDefault(section.key().name(), section.policy());
      registered.add(
          new SectionRunner<>(
              section, policy, registered.size(), builder.clock, listeners, loadSlots));
    }
    this.runners = List.copyOf(registered);
    this.names = runners.stream().map(runner -> runner.key.name()).toList();
    this.requiredSections =
        runners.stream()
            .filter(runner -> runner.policy.criticality() == Criticality.REQUIRED)
            .map(runner -> runner.key.name())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.refresher = Executors.newThreadPerTaskExecutor(builder.threadFactory);
    this.cache = new SectionCache(builder.maximumCacheSize, builder.clock);
    this.loader =
        new SectionLoader(
            cache, builder.clock, listeners, builder.threadFactory, refresher, loadSlots);
    this.viewers =
        new Viewers(
            builder.users,
            builder.maximumCacheSize,
            builder.profileTtl,
            runners.size(),
            builder.clock,
            loadSlots,
            builder.threadFactory,
            refresher);
    this.assembler =
        new PageAssembler(
            runners,
            builder.layout,
            viewers,
            cache,
            loader,
            listeners,
            builder.threadFactory,
            builder.clock,
            builder.pageDeadline,
            builder.sheddingThreshold,
            this::health);
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
    return assembler.assemble(request);
  }

  /**
   * Returns the viewer's profile as pages see it: cached, or looked up within the page deadline.
   *
   * @throws UnknownUserException if a user repository is configured and does not know the viewer
   * @throws RequiredSectionUnavailableException if the lookup failed or did not end in time
   */
  public UserProfile viewer(UserId id) {
    return assembler.viewer(requireNonNull(id, "id")).profile;
  }

  /**
   * Drops cached values here and, through the invalidation bus, on every engine that shares it;
   * loads running meanwhile do not put their values back.
   */
  public void invalidate(Invalidation invalidation) {
    requireNonNull(invalidation, "invalidation");
    apply(invalidation);
    bus.publish(invalidation);
  }

  private void apply(Invalidation invalidation) {
    loader.invalidate(invalidation);
    cache.invalidate(invalidation);
    if (invalidation.section().isEmpty()) {
      viewers.invalidate(invalidation.user());
    }
  }

  /** Returns the health of every registered section, in registration order. */
  public List<SectionHealth> health() {
    return runners.stream().<SectionHealth>map(SectionRunner::health).toList();
  }

  /** Returns the engine-wide limit on origin loads, or empty when unlimited (for tests). */
  OptionalInt loadLimit() {
    return loadSlots.limit();
  }

  /** Returns about how many loads wait for a slot (for tests). */
  int loadsWaiting() {
    return loadSlots.waiting();
  }

  /** Returns the names of the sections whose policy is {@link Criticality#REQUIRED}. */
  public Set<String> requiredSections() {
    return requiredSections;
  }

  /** Returns the names of the registered sections, in registration order. */
  public List<String> sections() {
    return names;
  }

  /** Stops background refreshes, waits briefly for them, and leaves the bus; idempotent. */
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

  private static final int UNLIMITED = Integer.MAX_VALUE;

  /**
   * Builds an {@link IntroPageEngine}. Not thread-safe; {@link #build()} takes a snapshot, so one
   * builder can build several engines, each independent of the others.
   */
  public static final class Builder {
    private final Map<String, Section<?>> sections = new LinkedHashMap<>();
    private final Map<String, SectionPolicy> policies = new LinkedHashMap<>();
    private final List<EngineListener> listeners = new ArrayList<>();
    private @Nullable UserRepository users;
    private @Nullable PageLayout<?> layout;
    private Duration pageDeadline = Duration.ofMillis(150);
    private Clock clock = Clock.systemUTC();
    private ThreadFactory threadFactory = Thread.ofVirtual().name("intro-section-", 0).factory();
    private InvalidationBus bus = InvalidationBus.inProcess();
    private int sheddingThreshold = 512;
    private long maximumCacheSize = 100_000;
    private Duration profileTtl = Duration.ofMinutes(5);
    private int maxConcurrentLoads = UNLIMITED;

    private Builder() {}

    /** Sets where viewers' profiles come from; without one, a viewer is known by id only. */
    public Builder viewers(UserRepository users) {
      this.users = requireNonNull(users, "users");
      return this;
    }

    /**
     * Registers a section; pages show sections in registration order unless a layout says
     * otherwise.
     *
     * @throws IllegalArgumentException if a section with that name is registered already
     */
    public Builder section(Section<?> section) {
      requireNonNull(section, "section");
      String name = section.key().name();
      if (sections.containsKey(name)) {
        throw new IllegalArgumentException("section '" + name + "' is registered already");
      }
      sections.put(name, section);
      return this;
    }

    /** Registers sections in the order given, as {@link #section(Section)} does each. */
    public Builder sections(Collection<? extends Section<?>> sections) {
      requireNonNull(sections, "sections").forEach(this::section);
      return this;
    }

    /**
     * Registers {@link Section#of a section} with no default value.
     *
     * @throws IllegalArgumentException if a section with that name is registered already
     */
    public <T> Builder section(SectionKey<T> key, SectionSource<T> source, SectionPolicy policy) {
      return section(Section.of(key, source, policy));
    }

    /**
     * Registers a section {@link Section#withFallback with a default value}.
     *
     * @throws IllegalArgumentException if a section with that name is registered already
     */
    public <T> Builder section(
        SectionKey<T> key,
        SectionSource<T> source,
        SectionPolicy policy,
        Function<SectionContext, T> fallback) {
      return section(Section.of(key, source, policy).withFallback(fallback));
    }

    /** Sets the layout that decides which sections each viewer's page shows, and in which order. */
    public Builder layout(PageLayout<?> layout) {
      this.layout = requireNonNull(layout, "layout");
      return this;
    }

    /** Replaces the policy of a registered section, by its name. */
    public Builder policy(SectionKey<?> key, SectionPolicy policy) {
      policies.put(requireNonNull(key, "key").name(), requireNonNull(policy, "policy"));
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

    /** Sets the clock of ages, cache expiry and breaker delays (the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the factory of the threads that load sections (virtual threads by default). */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /** Adds a listener that hears the engine's events; listeners hear them in the order added. */
    public Builder listener(EngineListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /** Sets the bus that carries invalidations between engines (in-process by default). */
    public Builder invalidationBus(InvalidationBus bus) {
      this.bus = requireNonNull(bus, "bus");
      return this;
    }

    /**
     * Sets how many pages may be assembled at once before optional sections needing a load are
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
     * Sets how many origin loads, of all sections and viewer lookups together, may run at once
     * (unlimited by default): the size of the connection pool the sources share. A load beyond it
     * waits up to its section's timeout, which is no failure of its source; a background refresh
     * beyond it is not started.
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
     * Sets how many section values, and how many profiles, are cached at most (100,000).
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
     * Sets how long a viewer's profile is cached (5 minutes); past it, used as long again while a
     * lookup in the background replaces it.
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
     * @throws IllegalArgumentException if a policy override or the layout names no registered
     *     section
     */
    public IntroPageEngine build() {
      if (sections.isEmpty()) {
        throw new IllegalStateException("register at least one section before build()");
      }
      for (String name : policies.keySet()) {
        if (!sections.containsKey(name)) {
          throw new IllegalArgumentException("policy for unknown section '" + name + "'");
        }
      }
      return new IntroPageEngine(this);
    }
  }
}
