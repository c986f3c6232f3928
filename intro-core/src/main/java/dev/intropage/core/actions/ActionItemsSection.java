package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.SectionPolicy;
import dev.intropage.core.model.UserProfile;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds the actionable items section: the viewer's open items, ranked by {@link ActionRanking}.
 *
 * <p>Thread-safe if the repository is: the section keeps no state between loads.
 */
final class ActionItemsSection {
  /** What needs attention must not be stale for long. */
  static final SectionPolicy POLICY =
      SectionPolicy.builder()
          .timeout(Duration.ofMillis(100))
          .cacheTtl(Duration.ofSeconds(10))
          .staleWhileRevalidate(Duration.ofSeconds(20))
          .maxStale(Duration.ofMinutes(10))
          .build();

  /** How many items the section shows unless told otherwise. */
  static final int DEFAULT_LIMIT = 10;

  /** How many open items the section reads at most; counts are taken over these. */
  static final int FETCH_LIMIT = 500;

  private final ActionItemRepository repository;
  private final int limit;

  /**
   * Creates the section showing up to {@value #DEFAULT_LIMIT} items.
   *
   * @param repository where the open items come from
   */
  ActionItemsSection(ActionItemRepository repository) {
    this(repository, DEFAULT_LIMIT);
  }

  /**
   * Creates the section showing up to {@code limit} items.
   *
   * @param repository where the open items come from
   * @param limit how many items to show, 1 to {@value #FETCH_LIMIT}
   * @throws IllegalArgumentException if the limit is outside 1 to {@value #FETCH_LIMIT}
   */
  ActionItemsSection(ActionItemRepository repository, int limit) {
    this.repository = requireNonNull(repository, "repository");
    if (limit < 1 || limit > FETCH_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + FETCH_LIMIT + ": " + limit);
    }
    this.limit = limit;
  }

  /**
   * Loads and ranks the viewer's open items as of {@code now}, reading up to {@value #FETCH_LIMIT}
   * of them in one call. Items the repository returns for another owner are dropped.
   */
  ActionItemsView load(UserProfile viewer, Instant now) {
    requireNonNull(viewer, "viewer");
    requireNonNull(now, "now");
    var items =
        repository.open(viewer.id(), FETCH_LIMIT).stream()
            .filter(item -> item.owner().equals(viewer.id()))
            .toList();
    return ActionRanking.rank(items, now, limit);
  }
}
