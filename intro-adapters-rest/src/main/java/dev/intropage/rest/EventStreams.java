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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The open server-sent event streams of intro pages: opens each {@link EventStream} within its
 * owner's limit, passes every invalidation on the bus to the streams it may concern and the
 * heartbeats to all, and sends each a {@code shutdown} event when this closes.
 *
 * <p>The bus is subscribed to, and the heartbeats started, when the first stream opens. An
 * invalidation for a user concerns all of that user's streams; one for a section, the streams whose
 * page shows it; one for everything, every stream. A concerned stream re-assembles its page after
 * {@link #DEBOUNCE} and sends it if it changed.
 *
 * <p>Thread-safe. Made by {@link IntroPageFeature}, which closes it.
 */
final class EventStreams implements AutoCloseable {
  /** How long a stream waits after a matching invalidation before it re-assembles the page. */
  static final Duration DEBOUNCE = Duration.ofMillis(200);

  /** How long {@link #close()} waits for the streams to take their {@code shutdown} event. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private static final System.Logger LOG = System.getLogger(EventStreams.class.getName());

  private final IntroPageEngine engine;
  private final @Nullable InvalidationBus bus;
  private final Duration heartbeat;
  private final PageJson json;
  private final OpenStreams<EventStream> open;
  private final StreamThreads threads = new StreamThreads();
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
    this.json = requireNonNull(json, "json");
    this.open = new OpenStreams<>(maxPerUser);
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
    EventStream stream =
        new EventStream(
            user,
            sink,
            sse,
            this::render,
            task -> threads.after(DEBOUNCE, task),
            ended -> open.remove(ended.user().value(), ended));
    if (!open.add(user.value(), stream)) {
      throw tooMany();
    }
    if (closed.get()) {
      open.remove(user.value(), stream);
      throw closing();
    }
    stream.start();
  }

  /** Returns how many streams the user has open. */
  int openStreams(String user) {
    return open.count(user);
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
      threads.every(heartbeat, this::heartbeats);
      started.set(true);
    } finally {
      lifecycle.unlock();
    }
  }

  private void invalidated(Invalidation invalidation) {
    if (closed.get()) {
      return;
    }
    if (invalidation.user().isPresent()) {
      open.of(invalidation.user().get().value()).forEach(EventStream::schedule);
      return;
    }
    for (EventStream stream : open.all()) {
      if (invalidation.section().isEmpty() || stream.shows(invalidation.section().get())) {
        stream.schedule();
      }
    }
  }

  private void heartbeats() {
    for (EventStream stream : open.all()) {
      threads.run(stream::heartbeat);
    }
  }

  private StreamedPage render(UserId user) {
    PageJson.Tagged tagged = json.tagged(engine.assemble(PageRequest.of(user)));
    PageView view = tagged.view();
    Set<String> sections = new HashSet<>();
    for (Views.SectionView section : view.sections()) {
      sections.add(section.key());
    }
    return new StreamedPage(tagged.tag(), new String(json.bytes(view), UTF_8), sections);
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
    threads.stopTimer();
    List<EventStream> all = open.all();
    Duration wait = CLOSE_GRACE.dividedBy(2);
    for (EventStream stream : all) {
      threads.run(() -> stream.shutdown(wait));
    }
    if (!threads.finish(CLOSE_GRACE)) {
      LOG.log(Level.WARNING, "event streams did not all close within " + CLOSE_GRACE);
    }
    for (EventStream stream : all) {
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
        Map.of(HttpHeaders.RETRY_AFTER, Long.toString(SseEvents.RECONNECT_MILLIS / 1000)));
  }

  private static ProblemException closing() {
    return new ProblemException(
        503,
        "shutting-down",
        "Service unavailable",
        "The server is shutting down; connect again in a moment.",
        List.of(),
        Map.of(HttpHeaders.RETRY_AFTER, Long.toString(SseEvents.RECONNECT_MILLIS / 1000)));
  }
}
