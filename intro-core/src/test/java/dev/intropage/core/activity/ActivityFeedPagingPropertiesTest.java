package dev.intropage.core.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ActivityFeedPagingPropertiesTest {
  private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
  private static final List<UserId> ACTORS =
      List.of(UserId.of("ada"), UserId.of("bob"), UserId.of("cy"));
  private static final List<Optional<String>> TEAMS =
      List.of(Optional.empty(), Optional.of("core"), Optional.of("web"));

  @Property(tries = 300)
  void paging_returnsEveryVisibleEventExactlyOnce_inOrder(
      @ForAll("shapes") List<Integer> shapes,
      @ForAll @IntRange(min = 1, max = 10) int limit,
      @ForAll @IntRange(min = 0, max = 3600) int windowSeconds) {
    List<ActivityEvent> events =
        IntStream.range(0, shapes.size()).mapToObj(i -> eventFor(i, shapes.get(i))).toList();
    ActivityRepository repository = new InMemoryActivityRepository(events);
    UserProfile viewer =
        new UserProfile(
            ACTORS.get(0), "Ada", ZoneOffset.UTC, Locale.ENGLISH, Set.of("core"), Optional.empty());
    ActivityFeedSection section =
        new ActivityFeedSection(repository, 20, Duration.ofSeconds(windowSeconds));

    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      ActivityFeed feed = section.page(viewer, cursor, limit);
      feed.groups().forEach(group -> seen.addAll(group.eventIds()));
      cursor = feed.nextCursor();
      pages++;
    } while (cursor.isPresent() && pages <= events.size() + 1);

    List<String> expected =
        events.stream()
            .filter(e -> e.actor().equals(viewer.id()) || e.team().equals(Optional.of("core")))
            .sorted(ActivityEvent.NEWEST_FIRST)
            .map(ActivityEvent::id)
            .toList();
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  /** Packs an event's actor, team and time (few distinct values, so that ties happen) in an int. */
  @Provide
  Arbitrary<List<Integer>> shapes() {
    return Arbitraries.integers().between(0, 3 * 3 * 8 - 1).list().ofMaxSize(60);
  }

  private static ActivityEvent eventFor(int index, int shape) {
    return new ActivityEvent(
        "id-" + (index * 7919 % 1000),
        ACTORS.get(shape % 3),
        TEAMS.get(shape / 3 % 3),
        "edit",
        "doc",
        T.minusSeconds(600L * (shape / 9)));
  }
}
