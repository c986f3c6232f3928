package dev.intropage.core.actions;

import static dev.intropage.core.actions.Items.ADA;
import static dev.intropage.core.actions.Items.NOW;
import static dev.intropage.core.actions.Items.open;
import static dev.intropage.core.actions.Items.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import dev.intropage.core.model.UserProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionItemsSectionTest {
  private static final UserProfile VIEWER = UserProfile.anonymous(ADA);

  /** Answers with fixed items and records what it was asked. */
  private static final class FakeRepository implements ActionItemRepository {
    private final List<ActionItem> items;
    final List<UserId> owners = new ArrayList<>();
    final List<Integer> limits = new ArrayList<>();

    FakeRepository(List<ActionItem> items) {
      this.items = items;
    }

    @Override
    public List<ActionItem> open(UserId owner, int limit) {
      owners.add(owner);
      limits.add(limit);
      return items;
    }
  }

  private static List<ActionItem> items(int count) {
    var result = new ArrayList<ActionItem>();
    for (int i = 0; i < count; i++) {
      result.add(open(String.format("i%02d", i)));
    }
    return result;
  }

  @Test
  void load_asksRepositoryFor500AndShowsDefault10() {
    var repository = new FakeRepository(items(12));

    var view = new ActionItemsSection(repository).load(VIEWER, NOW);

    assertThat(repository.owners).containsExactly(ADA);
    assertThat(repository.limits).containsExactly(500);
    assertThat(view.items()).hasSize(10);
    assertThat(view.items().get(0).item().id()).isEqualTo("i00");
    assertThat(view.openCount()).isEqualTo(12);
    assertThat(view.truncated()).isTrue();
  }

  @Test
  void load_customLimit() {
    var view = new ActionItemsSection(new FakeRepository(items(3)), 2).load(VIEWER, NOW);
    assertThat(view.items()).hasSize(2);
    assertThat(view.truncated()).isTrue();
  }

  @Test
  void load_dropsItemsOfOtherOwners() {
    var foreign = owner(open("foreign"), UserId.of("grace"));
    var view =
        new ActionItemsSection(new FakeRepository(List.of(foreign, open("mine"))))
            .load(VIEWER, NOW);
    assertThat(view.items()).extracting(ranked -> ranked.item().id()).containsExactly("mine");
    assertThat(view.openCount()).isEqualTo(1);
  }

  @Test
  void constructor_rejectsLimitOutside1To500() {
    var repository = new FakeRepository(List.of());
    assertThatThrownBy(() -> new ActionItemsSection(repository, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionItemsSection(repository, 501))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ActionItemsSection(repository, 500).load(VIEWER, NOW).items()).isEmpty();
  }
}
