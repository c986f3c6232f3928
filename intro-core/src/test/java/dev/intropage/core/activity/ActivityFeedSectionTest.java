package dev.intropage.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.activity.ActivityFeed.ActivityGroup;
import dev.intropage.core.activity.ActivityRepository.ActivityCursor;
import dev.intropage.core.model.InvalidInputException;
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
import org.junit.jupiter.api.Test;

class ActivityFeedSectionTest {
  private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
  private static final UserId ADA = UserId.of("ada");
  private static final UserProfile VIEWER =
      new UserProfile(
          ADA, "Ada Lovelace", ZoneOffset.UTC, Locale.ENGLISH, Set.of("core"), Optional.empty());

  /** Records what the section asked for. */
  private static final class Recording implements ActivityRepository {
    final List<Optional<ActivityCursor>> befores = new ArrayList<>();
    final List<Integer> limits = new ArrayList<>();
    final List<Set<String>> teams = new ArrayList<>();
    private final ActivityRepository delegate;

    Recording(ActivityRepository delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<ActivityEvent> recent(
        UserId user, Set<String> teams, Optional<ActivityCursor> before, int limit) {
      this.befores.add(before);
      this.limits.add(limit);
      this.teams.add(teams);
      return delegate.recent(user, teams, before, limit);
    }
  }

  @Test
  void load_asksForDefaultPageSizePlusOne_fromTheStart() {
    Recording repository = new Recording(new InMemoryActivityRepository(events(25)));

    ActivityFeed feed = new ActivityFeedSection(repository).load(VIEWER, T);

    assertThat(repository.limits).containsExactly(21);
    assertThat(repository.befores).containsExactly(Optional.empty());
    assertThat(repository.teams).containsExactly(Set.of("core"));
    assertThat(feed.groups().stream().mapToInt(ActivityGroup::count).sum()).isEqualTo(20);
    assertThat(feed.nextCursor()).isPresent();
  }

  @Test
  void page_nextCursor_encodesTheLastReturnedEvent() {
    List<ActivityEvent> events = events(5);
    ActivityFeedSection section =
        new ActivityFeedSection(new InMemoryActivityRepository(events), 20, Duration.ZERO);

    ActivityFeed feed = section.page(VIEWER, Optional.empty(), 3);

    assertThat(feed.nextCursor().map(ActivityCursor::decode))
        .contains(ActivityCursor.of(events.get(2)));
  }

  @Test
  void page_exactlyLimitEventsLeft_hasNoNextCursor() {
    ActivityFeedSection section =
        new ActivityFeedSection(new InMemoryActivityRepository(events(3)));

    ActivityFeed feed = section.page(VIEWER, Optional.empty(), 3);

    assertThat(feed.nextCursor()).isEmpty();
    assertThat(feed.groups().stream().mapToInt(ActivityGroup::count).sum()).isEqualTo(3);
  }

  @Test
  void page_followingTheCursor_passesItsPositionToTheRepository() {
    List<ActivityEvent> events = events(5);
    Recording repository = new Recording(new InMemoryActivityRepository(events));
    ActivityFeedSection section = new ActivityFeedSection(repository, 2, Duration.ZERO);
    String cursor = ActivityCursor.of(events.get(1)).encode();

    ActivityFeed feed = section.page(VIEWER, Optional.of(cursor), 2);

    assertThat(repository.befores).containsExactly(Optional.of(ActivityCursor.of(events.get(1))));
    assertThat(feed.groups())
        .extracting(ActivityGroup::eventIds)
        .containsExactly(List.of("e2"), List.of("e3"));
  }

  @Test
  void page_marksUnreadSinceLastVisit_andCountsUnreadEvents() {
    ActivityFeedSection section =
        new ActivityFeedSection(new InMemoryActivityRepository(events(4)), 20, Duration.ZERO);
    UserProfile returning = VIEWER.withLastVisitAt(T.minusSeconds(90));

    ActivityFeed feed = section.load(returning, T);

    assertThat(feed.groups())
        .extracting(ActivityGroup::unread)
        .containsExactly(true, true, false, false);
    assertThat(feed.unreadCount()).isEqualTo(2);
  }

  @Test
  void page_limitOutOfRange_isInvalidInput() {
    ActivityFeedSection section =
        new ActivityFeedSection(new InMemoryActivityRepository(List.of()));

    for (int limit : new int[] {0, 101}) {
      assertThatThrownBy(() -> section.page(VIEWER, Optional.empty(), limit))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }
    assertThat(section.page(VIEWER, Optional.empty(), 100)).isEqualTo(ActivityFeed.empty());
  }

  @Test
  void page_badCursor_isInvalidInput() {
    ActivityFeedSection section =
        new ActivityFeedSection(new InMemoryActivityRepository(List.of()));

    assertThatThrownBy(() -> section.page(VIEWER, Optional.of("garbage!"), 10))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void constructor_badPageSizeOrWindow_isRejected() {
    ActivityRepository repository = new InMemoryActivityRepository(List.of());

    assertThatThrownBy(() -> new ActivityFeedSection(repository, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActivityFeedSection(repository, 101, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActivityFeedSection(repository, 10, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void activityFeed_negativeUnreadCount_isRejected() {
    assertThatThrownBy(() -> new ActivityFeed(List.of(), -1, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Events e0 (newest) to e{n-1}, one minute apart, by the viewer on distinct subjects. */
  private static List<ActivityEvent> events(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new ActivityEvent(
                    "e" + i, ADA, Optional.empty(), "edit", "doc" + i, T.minusSeconds(60L * i)))
        .toList();
  }
}
