package dev.intropage.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A server-sent events client over {@code java.net.http}: reads the stream line by line on a
 * virtual thread into a queue, and parses the lines into events that a test takes with a timeout.
 */
final class EventStreamClient implements AutoCloseable {
  /**
   * One event as the stream carried it.
   *
   * @param name the {@code event:} field, or null for an unnamed or comment-only event
   * @param id the {@code id:} field, or null
   * @param data the {@code data:} lines joined with newlines, or null without any
   * @param comments the comment lines, without their leading colon and space
   * @param retry the {@code retry:} field, or null
   */
  record Event(
      @Nullable String name,
      @Nullable String id,
      @Nullable String data,
      List<String> comments,
      @Nullable String retry) {
    boolean heartbeat() {
      return name == null && data == null && comments.contains("heartbeat");
    }
  }

  private static final String END = "\u0000end";

  final HttpResponse<Stream<String>> response;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile boolean ended;

  private EventStreamClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader =
        Thread.ofVirtual()
            .name("sse-test-reader")
            .start(
                () -> {
                  try (Stream<String> body = response.body()) {
                    Iterator<String> it = body.iterator();
                    while (it.hasNext()) {
                      lines.add(it.next());
                    }
                  } catch (RuntimeException closed) {
                    // the test closed the stream, or the server went away
                  } finally {
                    lines.add(END);
                  }
                });
  }

  /** Opens the user's event stream with the token and returns once the headers are in. */
  static EventStreamClient open(URI base, String user, @Nullable String token)
      throws IOException, InterruptedException {
    return open(base, user, token, false);
  }

  /**
   * Opens the user's event stream, saying it takes gzip as every browser does if {@code gzip}, and
   * returns once the headers are in.
   */
  static EventStreamClient open(URI base, String user, @Nullable String token, boolean gzip)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(TestApp.BASE + "/" + user + "/events"))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new EventStreamClient(client.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
  }

  int status() {
    return response.statusCode();
  }

  Optional<String> header(String name) {
    return response.headers().firstValue(name);
  }

  /** Returns the next event, comment-only events included, or empty after the timeout or at end. */
  Optional<Event> next(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String name = null;
    String id = null;
    String retry = null;
    StringBuilder data = null;
    List<String> comments = new ArrayList<>();
    boolean any = false;
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        return Optional.empty();
      }
      if (line.equals(END)) {
        ended = true;
        lines.add(END);
        return Optional.empty();
      }
      if (line.isEmpty()) {
        if (any) {
          return Optional.of(
              new Event(name, id, data == null ? null : data.toString(), comments, retry));
        }
        continue;
      }
      any = true;
      if (line.startsWith(":")) {
        comments.add(line.substring(1).strip());
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> name = value;
        case "id" -> id = value;
        case "retry" -> retry = value;
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> {}
      }
    }
  }

  /** Returns the next event that is not a heartbeat, or empty after the timeout or at end. */
  Optional<Event> nextEvent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      Optional<Event> event = next(Duration.ofNanos(left));
      if (event.isEmpty() || !event.get().heartbeat()) {
        return event;
      }
    }
  }

  /** Waits until the server ends the stream, skipping whatever comes before; true if it did. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended && System.nanoTime() < deadline) {
      next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }
    return ended;
  }

  /** Hangs up: closes the body, which drops the connection. */
  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
    try {
      reader.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
