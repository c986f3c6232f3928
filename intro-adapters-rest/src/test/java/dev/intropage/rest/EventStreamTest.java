package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.model.UserId;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.media.sse.OutboundEvent;
import org.junit.jupiter.api.Test;

/**
 * One stream on its own, with a sink that records what is written and a delayed executor that keeps
 * the tasks until the test runs them: what is sent when, coalescing, and how a stream ends.
 */
class EventStreamTest {
  private static final UserId ADA = UserId.of("ada");

  private final Sink sink = new Sink();
  private final AtomicReference<StreamedPage> page =
      new AtomicReference<>(new StreamedPage("tag-1", "{\"v\":1}", Set.of("actions")));
  private final List<Runnable> delayed = new ArrayList<>();
  private final List<EventStream> ended = new CopyOnWriteArrayList<>();
  private volatile boolean assemblyFails;
  private final EventStream stream =
      new EventStream(ADA, sink, new TestSse(), user -> assemble(), delayed::add, ended::add);

  private StreamedPage assemble() {
    if (assemblyFails) {
      throw new IllegalStateException("engine down");
    }
    return page.get();
  }

  /** Builds Jersey's outbound events; broadcasting is not used. */
  static final class TestSse implements Sse {
    @Override
    public OutboundSseEvent.Builder newEventBuilder() {
      return new OutboundEvent.Builder();
    }

    @Override
    public SseBroadcaster newBroadcaster() {
      throw new UnsupportedOperationException();
    }
  }

  /** Records the events written; can be told to fail writes, as when the client went away. */
  static final class Sink implements SseEventSink {
    final List<OutboundSseEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean failWrites;
    volatile boolean closed;

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
      if (failWrites) {
        return CompletableFuture.failedFuture(new IllegalStateException("broken pipe"));
      }
      events.add(event);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
      closed = true;
    }

    List<String> names() {
      return events.stream()
          .map(e -> e.getName() == null ? ": " + e.getComment() : e.getName())
          .toList();
    }
  }

  private void runDelayed() {
    List<Runnable> due = new ArrayList<>(delayed);
    delayed.clear();
    due.forEach(Runnable::run);
  }

  @Test
  void start_sendsThePageFirst_withTheReconnectDelay() {
    stream.start();

    assertThat(sink.events).hasSize(1);
    OutboundSseEvent first = sink.events.get(0);
    assertThat(first.getName()).isEqualTo("page");
    assertThat(first.getId()).isEqualTo("tag-1");
    assertThat(first.getData()).isEqualTo("{\"v\":1}");
    assertThat(first.getReconnectDelay()).isEqualTo(SseEvents.RECONNECT_MILLIS);
    assertThat(stream.shows("actions")).isTrue();
    assertThat(stream.shows("news")).isFalse();
  }

  @Test
  void start_assemblyFails_throwsAndEndsWithoutClosingTheSink() {
    EventStream failing =
        new EventStream(
            ADA,
            sink,
            new TestSse(),
            user -> {
              throw new IllegalStateException("engine down");
            },
            delayed::add,
            ended::add);

    assertThatThrownBy(failing::start).hasMessage("engine down");

    assertThat(ended).containsExactly(failing);
    assertThat(sink.closed).as("the sink carries the error response").isFalse();
    failing.schedule();
    assertThat(delayed).isEmpty();
  }

  @Test
  void schedule_severalTimesBeforeTheRefresh_oneRefresh() {
    stream.start();

    stream.schedule();
    stream.schedule();
    stream.schedule();

    assertThat(delayed).hasSize(1);
  }

  @Test
  void refresh_pageChanged_sendsItWithoutReconnectDelay() {
    stream.start();
    page.set(new StreamedPage("tag-2", "{\"v\":2}", Set.of("news")));

    stream.schedule();
    runDelayed();

    assertThat(sink.events).hasSize(2);
    OutboundSseEvent pushed = sink.events.get(1);
    assertThat(pushed.getName()).isEqualTo("page");
    assertThat(pushed.getId()).isEqualTo("tag-2");
    assertThat(pushed.getReconnectDelay()).isEqualTo(-1);
    assertThat(stream.shows("news")).isTrue();
  }

  @Test
  void refresh_pageUnchanged_sendsNothing() {
    stream.start();

    stream.schedule();
    runDelayed();

    assertThat(sink.events).hasSize(1);
  }

  @Test
  void schedule_afterARefresh_schedulesAgain() {
    stream.start();
    stream.schedule();
    runDelayed();

    stream.schedule();

    assertThat(delayed).hasSize(1);
  }

  @Test
  void schedule_executorRefuses_aLaterScheduleTriesAgain() {
    List<Runnable> accepted = new ArrayList<>();
    boolean[] refuse = {true};
    EventStream refused =
        new EventStream(
            ADA,
            sink,
            new TestSse(),
            user -> page.get(),
            task -> {
              if (refuse[0]) {
                throw new RejectedExecutionException("closing");
              }
              accepted.add(task);
            },
            ended::add);

    refused.schedule();
    refuse[0] = false;
    refused.schedule();

    assertThat(accepted).hasSize(1);
  }

  @Test
  void refresh_assemblyFails_sendsNothingAndKeepsTheStream() {
    stream.start();
    assemblyFails = true;

    stream.schedule();
    runDelayed();

    assertThat(sink.events).hasSize(1);
    assertThat(ended).isEmpty();
  }

  @Test
  void heartbeat_isACommentLine() {
    stream.start();

    stream.heartbeat();

    assertThat(sink.names()).containsExactly("page", ": heartbeat");
  }

  @Test
  void write_fails_endsTheStreamAndClosesTheSink() {
    stream.start();
    sink.failWrites = true;

    stream.heartbeat();

    assertThat(ended).containsExactly(stream);
    assertThat(sink.closed).isTrue();
    stream.schedule();
    assertThat(delayed).as("an ended stream schedules nothing").isEmpty();
  }

  @Test
  void heartbeat_sinkClosedByTheClient_endsTheStream() {
    stream.start();
    sink.closed = true;

    stream.heartbeat();

    assertThat(ended).containsExactly(stream);
  }

  @Test
  void refresh_afterTheStreamEnded_sendsNothing() {
    stream.start();
    stream.schedule();
    stream.abandon();
    page.set(new StreamedPage("tag-2", "{}", Set.of()));

    runDelayed();

    assertThat(sink.events).hasSize(1);
  }

  @Test
  void shutdown_sendsTheShutdownEventAndEnds() {
    stream.start();

    stream.shutdown(Duration.ofSeconds(1));

    assertThat(sink.names()).containsExactly("page", "shutdown");
    OutboundSseEvent last = sink.events.get(1);
    assertThat(last.getData()).isEqualTo("{\"reason\":\"server-shutdown\"}");
    assertThat(last.getReconnectDelay()).isEqualTo(SseEvents.RECONNECT_MILLIS);
    assertThat(sink.closed).isTrue();
    assertThat(ended).contains(stream);
    stream.heartbeat();
    assertThat(sink.events).hasSize(2);
  }

  @Test
  void shutdown_whileAWriteHoldsTheStream_endsWithoutTheEvent() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    page.set(new StreamedPage("tag-2", "{}", Set.of()));
    EventStream slow =
        new EventStream(
            ADA,
            sink,
            new TestSse(),
            user -> {
              writing.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return page.get();
            },
            delayed::add,
            ended::add);
    Thread starter = Thread.ofVirtual().start(slow::start);
    writing.await();

    slow.shutdown(Duration.ofMillis(50));

    assertThat(sink.names()).doesNotContain("shutdown");
    assertThat(ended).contains(slow);
    release.countDown();
    starter.join();
  }
}
