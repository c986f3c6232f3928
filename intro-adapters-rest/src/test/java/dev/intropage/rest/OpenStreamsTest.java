package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry of open streams: a limit per user, places freed on removal, views for fan-out. */
class OpenStreamsTest {
  private final OpenStreams<String> open = new OpenStreams<>(2);

  @Test
  void add_upToTheLimit_acceptedThenRefused() {
    assertThat(open.add("ada", "a1")).isTrue();
    assertThat(open.add("ada", "a2")).isTrue();

    assertThat(open.add("ada", "a3")).isFalse();
    assertThat(open.of("ada")).containsExactlyInAnyOrder("a1", "a2");
    assertThat(open.count("ada")).isEqualTo(2);
  }

  @Test
  void add_theLimitIsPerUser() {
    open.add("ada", "a1");
    open.add("ada", "a2");

    assertThat(open.add("grace", "g1")).isTrue();
    assertThat(open.count("grace")).isEqualTo(1);
  }

  @Test
  void remove_freesThePlace_andTwiceDoesNothing() {
    open.add("ada", "a1");
    open.add("ada", "a2");

    open.remove("ada", "a1");
    open.remove("ada", "a1");

    assertThat(open.count("ada")).isEqualTo(1);
    assertThat(open.add("ada", "a3")).isTrue();
  }

  @Test
  void of_userWithoutStreams_isEmpty() {
    open.add("ada", "a1");
    open.remove("ada", "a1");

    assertThat(open.of("ada")).isEmpty();
    assertThat(open.of("nobody")).isEmpty();
    assertThat(open.count("nobody")).isZero();
  }

  @Test
  void all_everyUsersStreams() {
    open.add("ada", "a1");
    open.add("ada", "a2");
    open.add("grace", "g1");

    assertThat(open.all()).containsExactlyInAnyOrder("a1", "a2", "g1");
  }

  @Test
  void of_isASnapshot_thatLaterChangesLeaveAlone() {
    open.add("ada", "a1");
    var before = open.of("ada");

    open.add("ada", "a2");

    assertThat(before).containsExactly("a1");
  }

  @Test
  void limitBelowOne_refused() {
    assertThatThrownBy(() -> new OpenStreams<String>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPerUser");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  @Timeout(10)
  void add_manyThreadsAtOnce_neverMoreThanTheLimit(boolean virtual) throws Exception {
    ThreadFactory factory =
        virtual ? Thread.ofVirtual().factory() : Thread.ofPlatform().daemon().factory();
    int threads = 32;
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    AtomicInteger accepted = new AtomicInteger();
    for (int i = 0; i < threads; i++) {
      String stream = "s" + i;
      factory
          .newThread(
              () -> {
                try {
                  go.await();
                  if (open.add("ada", stream)) {
                    accepted.incrementAndGet();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              })
          .start();
    }

    go.countDown();

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(accepted).hasValue(2);
    assertThat(open.count("ada")).isEqualTo(2);
  }
}
