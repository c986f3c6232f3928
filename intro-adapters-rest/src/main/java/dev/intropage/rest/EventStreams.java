package dev.intropage.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.intropage.core.IntroPageEngine;
import dev.intropage.core.Invalidation;
import dev.intropage.core.InvalidationBus;
import dev.intropage.core.PageRequest;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.Views.PageView;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The open server-sent event streams of intro pages: each gets its owner's page when it opens and
 * again whenever an invalidation on the bus may have changed it and the content did change, a
 * comment line as heartbeat, and a {@code shutdown} event when this closes.
 *
 * <p>Invalidations are coalesced per stream: the first one that matches schedules a re-assembly
 * after {@link #DEBOUNCE}, and those that arrive before it starts ride along. Timing runs on one
 * virtual thread, assembling and writing on a virtual thread per task; no thread waits for a
 * stream. A write that fails (the client went away) closes its stream and frees its place.
 *
 * <p>Thread-safe. Made by {@link IntroPageFeature}, which closes it.
 */
final class EventStreams implements AutoCloseable {
  /** How long a stream waits after a matching invalidation before it re-assembles the page. */
  static final Duration DEBOUNCE = Duration.ofMillis(200);

  /** The reconnection delay the first event asks a browser's {@code EventSource} to use. */
  static final long RECONNECT_MILLIS = 3_000;

  /** How long {@link #close()} waits for the streams to take their {@code shutdown} event. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  static final String PAGE = "page";
  static final String SHUTDOWN = "shutdown";
  static final String HEARTBEAT = "heartbeat";

  private static final System.Logger LOG = System.getLogger(EventStreams.class.getName());

  private final IntroPageEngine engine;
  private final @Nullable InvalidationBus bus;
  private final Duration heartbeat;
  private final int maxPerUser;
  private final PageJson json;
  private final ConcurrentHashMap<String, Set<Stream>> streams = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final ExecutorService workers;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ReentrantLock lifecycle = new ReentrantLock();
  private InvalidationBus.@Nullable Subscription subscription;

  EventStreams(
      IntroPageEngine engine,
      @Nullable InvalidationBus bus,
      Duration heartbeat,
      int maxPerUser,
      PageJson json) {
    this.engine = requireNonNull(engine, "engine");
    this.bus = bus;
    this.heartbeat = requireNonNull(heartbeat, "heartbeat");
    this.maxPerUser = maxPerUser;
    this.json = requireNonNull(json, "json");
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("intro-events-timer").factory());
    this.workers =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("intro-events-", 0).factory());
  }

  /**
   * Opens a stream of the user's page on the sink: sends the current page, then keeps the stream
   * until the client goes away or this closes. Returns once the first event is written.
   *
   * @throws ProblemException 501 without a bus, 429 when the user has all their streams open, 503
   *     once this is closed
   */
  void open(UserId user, SseEventSink sink, Sse sse) {
    InvalidationBus source = bus;
    if (source == null) {
      throw Problems.notImplemented("The event stream (no invalidation bus)");
    }
    start(source);
    Stream stream = new Stream(user, sink, sse);
    if (!reserve(stream)) {
      throw tooMany();
    }
    if (closed.get()) {
      release(stream);
      throw closing();
    }
    stream.lock.lock();
    try {
      Page page;
      try {
        page = render(user);
      } catch (RuntimeException e) {
        release(stream);
        throw e;
      }
      stream.send(page.event(sse, true), page);
    } finally {
      stream.lock.unlock();
    }
  }

  /** Returns how many streams the user has open. */
  int openStreams(String user) {
    Set<Stream> open = streams.get(user);
    return open == null ? 0 : open.size();
  }

  /** Subscribes to the bus and starts the heartbeats when the first stream opens. */
  private void start(InvalidationBus source) {
    if (started.get()) {
      return;
    }
    lifecycle.lock();
    try {
      if (started.get() || closed.get()) {
        return;
      }
      subscription = source.subscribe(this::invalidated);
      long period = heartbeat.toNanos();
      var unused =
          timer.scheduleAtFixedRate(this::heartbeats, period, period, TimeUnit.NANOSECONDS);
      started.set(true);
    } finally {
      lifecycle.unlock();
    }
  }

  private boolean reserve(Stream stream) {
    boolean[] reserved = {false};
    streams.compute(
        stream.user.value(),
        (user, open) -> {
          Set<Stream> current = open == null ? Set.of() : open;
          if (current.size() >= maxPerUser) {
            return open;
          }
          Set<Stream> more = new HashSet<>(current);
          more.add(stream);
          reserved[0] = true;
          return Set.copyOf(more);
        });
    return reserved[0];
  }

  private void release(Stream stream) {
    streams.computeIfPresent(
        stream.user.value(),
        (user, open) -> {
          Set<Stream> fewer = new HashSet<>(open);
          fewer.remove(stream);
          return fewer.isEmpty() ? null : Set.copyOf(fewer);
        });
  }

  private void invalidated(Invalidation invalidation) {
    if (closed.get()) {
      return;
    }
    if (invalidation.user().isPresent()) {
      Set<Stream> open = streams.get(invalidation.user().get().value());
      if (open != null) {
        open.forEach(Stream::schedule);
      }
      return;
    }
    for (Set<Stream> open : streams.values()) {
      for (Stream stream : open) {
        if (invalidation.section().isEmpty() || stream.shows(invalidation.section().get())) {
          stream.schedule();
        }
      }
    }
  }

  private void heartbeats() {
    for (Set<Stream> open : streams.values()) {
      for (Stream stream : open) {
        execute(stream::heartbeat);
      }
    }
  }

  private void execute(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException closing) {
      // closed meanwhile: close() takes care of every stream
    }
  }

  private Page render(UserId user) {
    PageJson.Tagged tagged = json.tagged(engine.assemble(PageRequest.of(user)));
    PageView view = tagged.view();
    Set<String> sections = new HashSet<>();
    for (Views.SectionView section : view.sections()) {
      sections.add(section.key());
    }
    return new Page(tagged.tag(), new String(json.bytes(view), UTF_8), sections);
  }

  /**
   * Sends every stream a {@code shutdown} event and closes it, stops listening to the bus and stops
   * this component's threads, waiting at most about {@link #CLOSE_GRACE}. New streams are refused
   * with 503 from then on. Closing twice does nothing.
   */
  @Override
  public void close() {
    lifecycle.lock();
    try {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      InvalidationBus.Subscription current = subscription;
      if (current != null) {
        current.close();
      }
    } finally {
      lifecycle.unlock();
    }
    timer.shutdownNow();
    List<Stream> all = new ArrayList<>();
    for (Set<Stream> open : streams.values()) {
      all.addAll(open);
    }
    for (Stream stream : all) {
      execute(stream::shutdown);
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(Level.WARNING, "event streams did not all close within " + CLOSE_GRACE);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    for (Stream stream : all) {
      stream.abandon();
    }
  }

  private static ProblemException tooMany() {
    return new ProblemException(
        429,
        "too-many-requests",
        "Too many requests",
        "This user has the most event streams open that the server allows; close one first.",
        List.of(),
        Map.of(HttpHeaders.RETRY_AFTER, Long.toString(RECONNECT_MILLIS / 1000)));
  }

  private static ProblemException closing() {
    return new ProblemException(
        503,
        "shutting-down",
        "Service unavailable",
        "The server is shutting down; connect again in a moment.",
        List.of(),
        Map.of(HttpHeaders.RETRY_AFTER, Long.toString(RECONNECT_MILLIS / 1000)));
  }

  /** A rendered page: its validator, its JSON and the sections it shows. */
  private record Page(String tag, String json, Set<String> sections) {
    OutboundSseEvent event(Sse sse, boolean first) {
      OutboundSseEvent.Builder event =
          sse.newEventBuilder().name(PAGE).id(tag).data(String.class, json);
      if (first) {
        event.reconnectDelay(RECONNECT_MILLIS);
      }
      return event.build();
    }
  }

  /** One client's stream; its lock keeps one write at a time and the last page with it. */
  private final class Stream {
    final UserId user;
    final SseEventSink sink;
    final Sse sse;
    final ReentrantLock lock = new ReentrantLock();
    final AtomicBoolean pending = new AtomicBoolean();
    private volatile @Nullable String lastTag;
    private volatile Set<String> sections = Set.of();
    private volatile boolean ended;

    Stream(UserId user, SseEventSink sink, Sse sse) {
      this.user = user;
      this.sink = sink;
      this.sse = sse;
    }

    boolean shows(String section) {
      return sections.contains(section);
    }

    /** Schedules a re-assembly unless one is already waiting. */
    void schedule() {
      if (ended || !pending.compareAndSet(false, true)) {
        return;
      }
      try {
        var unused =
            timer.schedule(
                () -> execute(this::refresh), DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closing) {
        pending.set(false);
      }
    }

    /** Re-assembles the page and sends it if its content changed. */
    void refresh() {
      pending.set(false);
      lock.lock();
      try {
        if (ended) {
          return;
        }
        Page page;
        try {
          page = render(user);
        } catch (RuntimeException e) {
          LOG.log(
              Level.DEBUG,
              () -> "page of " + user.value() + " not re-assembled for its stream: " + e,
              e);
          return;
        }
        if (!page.tag().equals(lastTag)) {
          send(page.event(sse, false), page);
        }
      } finally {
        lock.unlock();
      }
    }

    void heartbeat() {
      if (!lock.tryLock()) {
        return; // a page is being written, which tells the client as much
      }
      try {
        if (!ended) {
          write(sse.newEventBuilder().comment(HEARTBEAT).build());
        }
      } finally {
        lock.unlock();
      }
    }

    /**
     * Sends the event, remembering the page first: the client may act on the event (and cause an
     * invalidation) before the write returns. Called with the lock held.
     */
    void send(OutboundSseEvent event, Page page) {
      lastTag = page.tag();
      sections = page.sections();
      write(event);
    }

    /** Writes the event; on failure ends the stream. Called with the lock held. */
    private boolean write(OutboundSseEvent event) {
      if (ended) {
        return false;
      }
      boolean written;
      if (sink.isClosed()) {
        written = false;
      } else {
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
      return written;
    }

    /** Sends the {@code shutdown} event and ends the stream. */
    void shutdown() {
      boolean locked;
      try {
        locked = lock.tryLock(CLOSE_GRACE.toMillis() / 2, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        locked = false;
      }
      try {
        if (locked) {
          write(
              sse.newEventBuilder()
                  .name(SHUTDOWN)
                  .data(String.class, "{\"reason\":\"server-shutdown\"}")
                  .reconnectDelay(RECONNECT_MILLIS)
                  .build());
        }
        end();
      } finally {
        if (locked) {
          lock.unlock();
        }
      }
    }

    /** Ends the stream without a last word, if it is still open after the grace. */
    void abandon() {
      end();
    }

    private void end() {
      ended = true;
      release(this);
      try {
        sink.close();
      } catch (IOException | RuntimeException alreadyGone) {
        LOG.log(Level.DEBUG, () -> "closing a stream of " + user.value() + ": " + alreadyGone);
      }
    }
  }
}
