package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ids the filter makes for requests that bring none (the filter itself: ProblemsAndFilters).
 */
class RequestIdFilterTest {
  @Test
  void newId_isARandomVersion4UuidInItsCanonicalForm() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIdFilter.newId();
      UUID uuid = UUID.fromString(id);

      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }
}
