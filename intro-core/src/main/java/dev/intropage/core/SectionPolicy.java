package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the engine treats one section: how long to wait, when to stop calling a failing source, how
 * many loads may run at once, how long values are cached and may stand in, and how much the page
 * depends on the section. Immutable and thread-safe.
 *
 * {@snippet :
 * SectionPolicy policy = SectionPolicy.builder()
 *     .timeout(Duration.ofMillis(80))
 *     .cacheTtl(Duration.ofSeconds(30))
 *     .staleWhileRevalidate(Duration.ofSeconds(30))
 *     .maxStale(Duration.ofMinutes(10))
 *     .criticality(Criticality.OPTIONAL)
 *     .build();
 * }
 *
 * @param timeout how long one load may take before it is interrupted
 * @param criticality how much the page depends on the section
 * @param scope whether cached values are per user or shared
 * @param cacheTtl how long a loaded value is served from the cache as {@code CACHED}; zero turns
 *     caching off
 * @param staleWhileRevalidate how long past its time to live a value is still served at once, as
 *     {@code STALE}, while one background load refreshes it
 * @param maxStale how long past its time to live a value may stand in when loading fails
 * @param failureThreshold consecutive failures that open the circuit breaker
 * @param breakerDelay how long an open breaker refuses calls before it lets a trial call through
 * @param maxConcurrentLoads how many loads of this section may run at once (the bulkhead)
 */
public record SectionPolicy(
    Duration timeout,
    Criticality criticality,
    CacheScope scope,
    Duration cacheTtl,
    Duration staleWhileRevalidate,
    Duration maxStale,
    int failureThreshold,
    Duration breakerDelay,
    int maxConcurrentLoads) {

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if the timeout or breaker delay is not positive, a cache
   *     duration is negative, or a threshold or limit is below one
   */
  public SectionPolicy {
    requirePositive(timeout, "timeout");
    requireNonNull(criticality, "criticality");
    requireNonNull(scope, "scope");
    requireNotNegative(cacheTtl, "cacheTtl");
    requireNotNegative(staleWhileRevalidate, "staleWhileRevalidate");
    requireNotNegative(maxStale, "maxStale");
    requirePositive(breakerDelay, "breakerDelay");
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1");
    }
    if (maxConcurrentLoads < 1) {
      throw new IllegalArgumentException("maxConcurrentLoads must be at least 1");
    }
  }

  /** Returns the default policy; see {@link Builder} for the values. */
  public static SectionPolicy defaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** How long an entry may stay in the cache at all: its time to live plus the longer window. */
  Duration retention() {
    return cacheTtl.plus(
        staleWhileRevalidate.compareTo(maxStale) > 0 ? staleWhileRevalidate : maxStale);
  }

  private static void requirePositive(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requireNotNegative(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }

  /**
   * Builds a {@link SectionPolicy}. Defaults: timeout 100 ms, {@code STANDARD}, per-user cache for
   * 30 s, stale-while-revalidate 30 s, max-stale 10 min, breaker opening after 5 consecutive
   * failures for 30 s, 64 concurrent loads. Not thread-safe; {@link #build()} takes a snapshot.
   */
  public static final class Builder {
    private Duration timeout = Duration.ofMillis(100);
    private Criticality criticality = Criticality.STANDARD;
    private CacheScope scope = CacheScope.USER;
    private Duration cacheTtl = Duration.ofSeconds(30);
    private Duration staleWhileRevalidate = Duration.ofSeconds(30);
    private Duration maxStale = Duration.ofMinutes(10);
    private int failureThreshold = 5;
    private Duration breakerDelay = Duration.ofSeconds(30);
    private int maxConcurrentLoads = 64;

    private Builder() {}

    private Builder(SectionPolicy policy) {
      timeout = policy.timeout;
      criticality = policy.criticality;
      scope = policy.scope;
      cacheTtl = policy.cacheTtl;
      staleWhileRevalidate = policy.staleWhileRevalidate;
      maxStale = policy.maxStale;
      failureThreshold = policy.failureThreshold;
      breakerDelay = policy.breakerDelay;
      maxConcurrentLoads = policy.maxConcurrentLoads;
    }

    /** Sets how long one load may take. */
    public Builder timeout(Duration timeout) {
      this.timeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** Sets how much the page depends on the section. */
    public Builder criticality(Criticality criticality) {
      this.criticality = requireNonNull(criticality, "criticality");
      return this;
    }

    /** Sets whether cached values are per user or shared by everyone. */
    public Builder scope(CacheScope scope) {
      this.scope = requireNonNull(scope, "scope");
      return this;
    }

    /** Sets how long a value is served from the cache; zero turns caching off. */
    public Builder cacheTtl(Duration cacheTtl) {
      this.cacheTtl = requireNonNull(cacheTtl, "cacheTtl");
      return this;
    }

    /** Sets how long past its time to live a value is served while it is refreshed. */
    public Builder staleWhileRevalidate(Duration window) {
      this.staleWhileRevalidate = requireNonNull(window, "window");
      return this;
    }

    /** Sets how long past its time to live a value may stand in when loading fails. */
    public Builder maxStale(Duration maxStale) {
      this.maxStale = requireNonNull(maxStale, "maxStale");
      return this;
    }

    /** Sets the breaker: consecutive failures that open it, and how long it stays open. */
    public Builder circuitBreaker(int failureThreshold, Duration delay) {
      this.failureThreshold = failureThreshold;
      this.breakerDelay = requireNonNull(delay, "delay");
      return this;
    }

    /** Sets how many loads of the section may run at once. */
    public Builder maxConcurrentLoads(int maxConcurrentLoads) {
      this.maxConcurrentLoads = maxConcurrentLoads;
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException if a value is out of range; see {@link SectionPolicy}
     */
    public SectionPolicy build() {
      return new SectionPolicy(
          timeout,
          criticality,
          scope,
          cacheTtl,
          staleWhileRevalidate,
          maxStale,
          failureThreshold,
          breakerDelay,
          maxConcurrentLoads);
    }
  }

  /** Whose entry a section's cached value is. */
  public enum CacheScope {
    /** One entry per user: the data differs by viewer. */
    USER,
    /** One entry for everyone: the data is the same for every viewer. */
    GLOBAL
  }

  /** How much the page depends on a section. */
  public enum Criticality {
    /** Without a usable value the page cannot be served. */
    REQUIRED,
    /** Falls back when it fails; the page is served degraded. */
    STANDARD,
    /** Shed first under load. */
    OPTIONAL
  }
}
