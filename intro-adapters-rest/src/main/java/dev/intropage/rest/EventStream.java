package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.UserId;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One client's stream of its owner's page: sends the page first, again when a re-assembly finds it
 * changed, heartbeats in between and a last {@code shutdown} event. A write that fails (the client
 * went away) ends the stream, which closes the sink and hands the stream to its end callback.
 *
 * <p>Re-assemblies are coalesced: the first {@link #schedule()} hands one to the delayed executor,
 * and those that come before it starts ride along. The stream's lock keeps one write at a time and
 * the last page sent with it.
 *
 * <p>Thread-safe.
 */
final class EventStream {
  private static final System.Logger LOG = System.getLogger(EventStream.class.getName());

  private final UserId user;
  private final SseEventSink sink;
  private final Sse sse;
  private final Function<UserId, StreamedPage> render;
  private final Executor delayed;
  private final Consumer<EventStream> onEnd;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile @Nullable String lastTag;
  private volatile Set<String> sections = Set.of();
  private volatile boolean ended;

  /**
   * Creates the stream; nothing is sent before {@link #start()}.
   *
   * @param render assembles the user's page as the stream sends it
   * @param delayed runs a re-assembly after the debounce delay; may refuse once closing
   * @param onEnd told once the stream has ended, to free its place
   */
  EventStream(
      UserId user,
      SseEventSink sink,
      Sse sse,
      Function<UserId, StreamedPage> render,
      Executor delayed,
      Consumer<EventStream> onEnd) {
    this.user = requireNonNull(user, "user");
    this.sink = requireNonNull(sink, "sink");
    this.sse = requireNonNull(sse, "sse");
    this.render = requireNonNull(render, "render");
    this.delayed = requireNonNull(delayed, "delayed");
    this.onEnd = requireNonNull(onEnd, "onEnd");
  }

  UserId user() {
    return user;
  }

  /** Returns whether the last page sent shows this section. */
  boolean shows(String section) {
    return sections.contains(section);
  }

  /**
   * Assembles the page and sends it as the first event. If assembling fails, the stream ends
   * without closing the sink, which then carries the error response, and the failure is thrown.
   */
  void start() {
    lock.lock();
    try {
      StreamedPage page;
      try {
        page = render.apply(user);
      } catch (RuntimeException e) {
        ended = true;
        onEnd.accept(this);
        throw e;
      }
      send(page, true);
    } finally {
      lock.unlock();
    }
  }

  /** Schedules a re-assembly, unless one is already waiting or the stream has ended. */
  void schedule() {
    if (ended || !pending.compareAndSet(false, true)) {
      return;
    }
    try {
      delayed.execute(this::refresh);
    } catch (RejectedExecutionException closing) {
      pending.set(false);
    }
  }

  /** Re-assembles the page and sends it if its content changed; keeps quiet if assembly fails. */
  void refresh() {
    pending.set(false);
    lock.lock();
    try {
      if (ended) {
        return;
      }
      StreamedPage page;
      try {
        page = render.apply(user);
      } catch (RuntimeException e) {
        LOG.log(
            Level.DEBUG,
            () -> "page of " + user.value() + " not re-assembled for its stream: " + e,
            e);
        return;
      }
      if (!page.tag().equals(lastTag)) {
        send(page, false);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Sends a heartbeat, unless a page is being written, which tells the client as much. */
  void heartbeat() {
    if (!lock.tryLock()) {
      return;
    }
    try {
      write(SseEvents.heartbeat(sse));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends the {@code shutdown} event and ends the stream; if a write holds the stream longer than
   * the wait, ends it without the event.
   */
  void shutdown(Duration wait) {
    boolean locked;
    try {
      locked = lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locked = false;
    }
    try {
      if (locked) {
        write(SseEvents.shutdown(sse));
      }
      end();
    } finally {
      if (locked) {
        lock.unlock();
      }
    }
  }

  /** Ends the stream without a last word, if it is still open. */
  void abandon() {
    end();
  }

  /**
   * Sends the page, remembering it first: the client may act on the event (and cause an
   * invalidation) before the write returns. Called with the lock held.
   */
  private void send(StreamedPage page, boolean first) {
    lastTag = page.tag();
    sections = page.sections();
    write(SseEvents.page(sse, page, first));
  }

  /** Writes the event; on failure ends the stream. Called with the lock held. */
  private void write(OutboundSseEvent event) {
    if (ended) {
      return;
    }
    boolean written = false;
    if (!sink.isClosed()) {
      try {
        sink.send(event).toCompletableFuture().join();
        written = true;
      } catch (RuntimeException gone) {
        written = false;
      }
    }
    if (!written) {
      end();
    }
  }

  private void end() {
    ended = true;
    onEnd.accept(this);
    try {
      sink.close();
    } catch (IOException | RuntimeException alreadyGone) {
      LOG.log(Level.DEBUG, () -> "closing a stream of " + user.value() + ": " + alreadyGone);
    }
  }
}
