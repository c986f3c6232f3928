package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy.Criticality;
import dev.intropage.core.SectionResult.ValueSource;
import dev.intropage.core.Viewers.Viewer;
import dev.intropage.core.internal.StructuredScope;
import dev.intropage.core.internal.StructuredScope.Subtask;
import dev.intropage.core.model.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Assembles one page: the viewer, the layout, then every shown section from the cache or loaded in
 * one structured scope under the page's deadline. Thread-safe.
 *
 * <p>A layout served from the cache is settled on the caller's thread and only the sections it
 * shows are loaded. A layout that must be loaded is loaded together with every section it may show,
 * so that a cold page waits for one round of loads instead of two; the sections it hides are loaded
 * into the cache and left off the page.
 */
final class PageAssembler {
  private final Map<String, SectionRunner<?>> runners;
  private final List<SectionRunner<?>> ordered;
  private final @Nullable LayoutBinding<?> layout;
  private final Viewers viewers;
  private final SectionCache cache;
  private final SectionLoader loader;
  private final Listeners listeners;
  private final ThreadFactory threadFactory;
  private final Clock clock;
  private final Duration pageDeadline;
  private final int sheddingThreshold;
  private final Supplier<List<SectionHealth>> health;
  private final AtomicInteger pagesInFlight = new AtomicInteger();

  PageAssembler(
      List<SectionRunner<?>> ordered,
      @Nullable PageLayout<?> layout,
      Viewers viewers,
      SectionCache cache,
      SectionLoader loader,
      Listeners listeners,
      ThreadFactory threadFactory,
      Clock clock,
      Duration pageDeadline,
      int sheddingThreshold,
      Supplier<List<SectionHealth>> health) {
    this.ordered = List.copyOf(ordered);
    Map<String, SectionRunner<?>> byName = new java.util.HashMap<>();
    for (SectionRunner<?> runner : ordered) {
      byName.put(runner.key.name(), runner);
    }
    this.runners = Map.copyOf(byName);
    this.layout = layout == null ? null : LayoutBinding.of(layout, runners);
    this.viewers = viewers;
    this.cache = cache;
    this.loader = loader;
    this.listeners = listeners;
    this.threadFactory = threadFactory;
    this.clock = clock;
    this.pageDeadline = pageDeadline;
    this.sheddingThreshold = sheddingThreshold;
    this.health = health;
  }

  IntroPage assemble(PageRequest request) {
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
      Viewer viewer = viewers.viewer(request.viewer(), deadline);
      SectionContext context = new SectionContext(viewer.profile, now, health);
      List<SectionResult<?>> results =
          new Page(viewer, context, deadline, overloaded, wanted).assemble();
      for (SectionResult<?> result : results) {
        SectionRunner<?> runner = requireNonNull(runners.get(result.key().name()));
        listeners.sectionFinished(
            result.key(), viewer.profile.id(), result.status(), result.elapsed());
        if (runner.policy.criticality() == Criticality.REQUIRED && !result.usable()) {
          throw new RequiredSectionUnavailableException(
              result.key().name(),
              result.status(),
              result.error().orElseGet(() -> SectionError.failed(result.key())));
        }
      }
      IntroPage page =
          new IntroPage(
              viewer.profile.id(), now, results, Duration.ofNanos(System.nanoTime() - startNanos));
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

  /** Returns the viewer's profile as pages see it. */
  Viewer viewer(dev.intropage.core.model.UserId id) {
    return viewers.viewer(id, System.nanoTime() + pageDeadline.toNanos());
  }

  /** The sections of one page being assembled, all in one scope. */
  private final class Page {
    private final Viewer viewer;
    private final SectionContext context;
    private final long deadline;
    private final boolean overloaded;
    private final Set<String> wanted;

    Page(
        Viewer viewer,
        SectionContext context,
        long deadline,
        boolean overloaded,
        Set<String> wanted) {
      this.viewer = viewer;
      this.context = context;
      this.deadline = deadline;
      this.overloaded = overloaded;
      this.wanted = wanted;
    }

    List<SectionResult<?>> assemble() {
      try (var scope = new StructuredScope<Object>(threadFactory)) {
        LayoutBinding<?> binding = layout;
        if (binding == null) {
          return settle(prepareAll(shown(ordered), scope), scope);
        }
        Slot<?> layoutSlot = prepare(binding.runner, scope);
        List<SectionResult<?>> results = new ArrayList<>();
        if (layoutSlot.settled()) {
          SectionResult<?> layoutResult = served(layoutSlot.settle(context));
          List<Slot<?>> slots = prepareAll(shown(binding.visible(layoutResult, ordered)), scope);
          addLayout(results, layoutResult);
          results.addAll(settle(slots, scope));
          return results;
        }
        List<Slot<?>> candidates = prepareAll(shown(withoutLayout(binding)), scope);
        join(scope);
        SectionResult<?> layoutResult = served(layoutSlot.settle(context));
        Set<SectionRunner<?>> visible =
            new LinkedHashSet<>(shown(binding.visible(layoutResult, ordered)));
        addLayout(results, layoutResult);
        for (SectionRunner<?> runner : visible) {
          for (Slot<?> slot : candidates) {
            if (slot.runner() == runner) {
              results.add(served(slot.settle(context)));
            }
          }
        }
        return results;
      }
    }

    private void addLayout(List<SectionResult<?>> results, SectionResult<?> layoutResult) {
      if (wanted.isEmpty() || wanted.contains(layoutResult.key().name())) {
        results.add(layoutResult);
      }
    }

    private List<SectionRunner<?>> withoutLayout(LayoutBinding<?> binding) {
      List<SectionRunner<?>> rest = new ArrayList<>(ordered);
      rest.remove(binding.runner);
      return rest;
    }

    /** The sections of the list this request asks for. */
    private List<SectionRunner<?>> shown(List<SectionRunner<?>> sections) {
      if (wanted.isEmpty()) {
        return sections;
      }
      List<SectionRunner<?>> chosen = new ArrayList<>(sections.size());
      for (SectionRunner<?> runner : sections) {
        if (wanted.contains(runner.key.name())) {
          chosen.add(runner);
        }
      }
      return chosen;
    }

    private List<Slot<?>> prepareAll(
        List<SectionRunner<?>> sections, StructuredScope<Object> scope) {
      List<Slot<?>> slots = new ArrayList<>(sections.size());
      for (SectionRunner<?> runner : sections) {
        slots.add(prepare(runner, scope));
      }
      return slots;
    }

    private List<SectionResult<?>> settle(List<Slot<?>> slots, StructuredScope<Object> scope) {
      join(scope);
      List<SectionResult<?>> results = new ArrayList<>(slots.size());
      for (Slot<?> slot : slots) {
        results.add(served(slot.settle(context)));
      }
      return results;
    }

    private void join(StructuredScope<Object> scope) {
      try {
        scope.joinUntil(deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private <T> SectionResult<T> served(SectionResult<T> result) {
      @SuppressWarnings("unchecked") // a result's runner has the result's key and type
      SectionRunner<T> runner = (SectionRunner<T>) requireNonNull(runners.get(result.key().name()));
      return runner.servedTo(result, context);
    }

    /** Settles a section from the cache at once, or forks its load into the scope. */
    private <T> Slot<T> prepare(SectionRunner<T> runner, StructuredScope<Object> scope) {
      SectionCache.Key key = SectionCache.Key.of(runner, context.viewer().id());
      SectionCache.Entry entry = viewer.remembered(runner.index);
      if (entry == null) {
        entry = cache.get(key);
        if (entry != null) {
          viewer.remember(runner.index, entry);
        }
      }
      if (entry != null) {
        Duration age = SectionCache.age(entry, context.now());
        if (age.compareTo(runner.policy.cacheTtl()) < 0) {
          listeners.cacheHit(runner.key);
          return Slot.done(runner, SectionStatus.CACHED, entry, ValueSource.CACHE, age);
        }
        if (age.compareTo(runner.policy.cacheTtl().plus(runner.policy.staleWhileRevalidate()))
            < 0) {
          listeners.cacheStale(runner.key);
          loader.refresh(runner, key, context);
          return Slot.done(runner, SectionStatus.STALE, entry, ValueSource.CACHE, age);
        }
      }
      listeners.cacheMiss(runner.key);
      if (overloaded && runner.policy.criticality() == Criticality.OPTIONAL) {
        return Slot.failed(
            runner, SectionStatus.SKIPPED, SectionError.shed(runner.key), cache, key);
      }
      long sectionDeadline = System.nanoTime() + runner.policy.timeout().toNanos();
      boolean pageEndsFirst = sectionDeadline - deadline > 0;
      long until = pageEndsFirst ? deadline : sectionDeadline;
      Subtask<Object> subtask =
          scope.fork(
              self ->
                  loader.load(
                      runner, key, context, until, SectionRunner.Cutoff.of(self, !pageEndsFirst)),
              until);
      return Slot.forked(runner, subtask, cache, key);
    }
  }

  /** A layout with the runner of the section that decides it. */
  private record LayoutBinding<T>(
      PageLayout<T> layout, SectionRunner<T> runner, Map<String, SectionRunner<?>> runners) {
    @SuppressWarnings("unchecked") // the layout's key names this runner, whose type is the key's
    static <T> LayoutBinding<T> of(PageLayout<T> layout, Map<String, SectionRunner<?>> runners) {
      SectionRunner<?> runner = runners.get(layout.section().name());
      if (runner == null) {
        throw new IllegalArgumentException(
            "layout section '" + layout.section().name() + "' is not registered");
      }
      return new LayoutBinding<>(layout, (SectionRunner<T>) runner, runners);
    }

    /**
     * The sections the layout shows after its own, in its order: unknown and repeated names
     * ignored, required sections it leaves out added at the end; every section when the layout has
     * no value.
     */
    List<SectionRunner<?>> visible(SectionResult<?> result, List<SectionRunner<?>> ordered) {
      if (result.data().isEmpty()) {
        List<SectionRunner<?>> all = new ArrayList<>(ordered);
        all.remove(runner);
        return all;
      }
      List<String> names = layout.order(runner.key.type().cast(result.data().get()));
      Set<SectionRunner<?>> shown = new LinkedHashSet<>();
      for (String name : names) {
        SectionRunner<?> candidate = runners.get(name);
        if (candidate != null && candidate != runner) {
          shown.add(candidate);
        }
      }
      for (SectionRunner<?> candidate : ordered) {
        if (candidate != runner && candidate.policy.criticality() == Criticality.REQUIRED) {
          shown.add(candidate);
        }
      }
      return new ArrayList<>(shown);
    }
  }
}
