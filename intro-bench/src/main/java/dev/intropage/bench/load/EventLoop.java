package dev.intropage.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * {@link OpenLoad}'s client: one thread sends due requests over persistent HTTP/1.1 connections,
 * one request at a time on each, and reads the responses as they arrive, all through one {@link
 * Selector}. The generator shares the machine with the service it measures; a thread per connection
 * would cost two thread wake-ups per request (one at the due time, one for the response), where
 * this loop is woken once for all that is due or has arrived.
 *
 * <p>A request is sent at its due time or, when the loop is waiting for responses, at the first
 * wake-up after it, at most a millisecond late ({@link Selector#select(long)} counts milliseconds);
 * its latency counts from its due time all the same. Responses are read by {@link ResponseParser}.
 * After a response that asks for it, a read that waited longer than the timeout for bytes, or any
 * failure, the connection is closed and the next request on it opens another. A kept-alive
 * connection that the server closed before the first byte of the response is replaced and the
 * request sent once more, as browsers do for idempotent requests.
 *
 * <p>Not thread-safe: one thread runs its phases one after another.
 */
final class EventLoop implements AutoCloseable {
  private static final long TIMEOUT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** A pre-formatted {@code GET} request and the address it is sent to. */
  static final class Request {
    private final InetSocketAddress address;
    private final byte[] bytes;

    private Request(InetSocketAddress address, byte[] bytes) {
      this.address = address;
      this.bytes = bytes;
    }

    /**
     * Formats {@code GET path HTTP/1.1} with the {@code Host} header and, unless null, the {@code
     * Authorization} one; no {@code Accept-Encoding}, so bodies come as they are.
     *
     * @param uri an {@code http} URI with a host, as {@link LoadSettings#loopback} accepts
     * @throws IllegalArgumentException if the host is unknown
     */
    static Request get(URI uri, @Nullable String authorization) {
      String host = Objects.requireNonNull(uri.getHost(), "host");
      int port = uri.getPort() == -1 ? 80 : uri.getPort();
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String query = uri.getRawQuery();
      StringBuilder head = new StringBuilder("GET ").append(path);
      if (query != null) {
        head.append('?').append(query);
      }
      head.append(" HTTP/1.1\r\nHost: ").append(host);
      if (uri.getPort() != -1) {
        head.append(':').append(port);
      }
      head.append("\r\n");
      if (authorization != null) {
        head.append("Authorization: ").append(authorization).append("\r\n");
      }
      head.append("\r\n");
      try {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
        return new Request(address, head.toString().getBytes(StandardCharsets.ISO_8859_1));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("unknown host in " + uri, e);
      }
    }

    /** The request's bytes as sent. */
    String text() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** One connection: its channel, and the request on it and its response, if busy. */
  private static final class Connection {
    final ResponseParser parser = new ResponseParser();
    @Nullable SocketChannel channel;
    @Nullable SelectionKey key;
    @Nullable InetSocketAddress address;
    @Nullable Request request;
    @Nullable ByteBuffer out;
    long dueAt;
    long lastProgress;
    boolean reused;
    boolean retried;
  }

  private final Selector selector;
  private final List<Connection> connections = new ArrayList<>();
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
  private final long timeoutNanos;
  private @Nullable Recorder recorder;
  private int busy;
  private int opened;

  /**
   * A loop of {@code connections} connections, each opened at its first request.
   *
   * @param timeout how long a response may keep the client waiting for its next bytes
   */
  EventLoop(int connections, Duration timeout) throws IOException {
    this.selector = Selector.open();
    this.timeoutNanos = timeout.toNanos();
    for (int c = 0; c < connections; c++) {
      Connection connection = new Connection();
      this.connections.add(connection);
      idle.add(connection);
    }
  }

  /** How many sockets the loop has opened so far. */
  int opened() {
    return opened;
  }

  /**
   * Runs one phase: request {@code i} (of {@code total}, sent to {@code requests[i % size]}) is due
   * at {@code start + OpenLoad.dueOffsetNanos(i, rate)}. No request is sent from {@code stopTaking}
   * on; those in flight are still read, each until its timeout at most.
   *
   * @return how many requests were sent; the rest were not
   */
  long run(
      List<Request> requests,
      long total,
      long start,
      double rate,
      long stopTaking,
      Recorder recorder)
      throws IOException {
    this.recorder = recorder;
    long next = 0;
    long nextTimeoutCheck = System.nanoTime() + TIMEOUT_CHECK_NANOS;
    while (true) {
      long now = System.nanoTime();
      boolean taking = now - stopTaking < 0;
      long nextDue = start + OpenLoad.dueOffsetNanos(next, rate);
      while (taking && next < total && !idle.isEmpty() && nextDue - now <= 0) {
        send(idle.poll(), requests.get((int) (next % requests.size())), nextDue);
        next++;
        nextDue = start + OpenLoad.dueOffsetNanos(next, rate);
      }
      if (busy == 0 && (!taking || next >= total)) {
        return next;
      }
      if (now - nextTimeoutCheck >= 0) {
        expire(now);
        nextTimeoutCheck = now + TIMEOUT_CHECK_NANOS;
      }
      long wake = nextTimeoutCheck;
      if (taking) {
        wake = earlier(wake, stopTaking);
        if (next < total && !idle.isEmpty()) {
          wake = earlier(wake, nextDue);
        }
      }
      long wait = wake - System.nanoTime();
      if (wait <= 0) {
        selector.selectNow();
      } else if (busy == 0) {
        // Nothing to read: sleep to the due time precisely rather than to the next millisecond.
        LockSupport.parkNanos(wait);
        continue;
      } else {
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
      }
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        Connection connection = (Connection) key.attachment();
        if (key.isValid() && key.isWritable()) {
          write(connection);
        }
        if (key.isValid() && key.isReadable()) {
          read(connection);
        }
      }
    }
  }

  private static long earlier(long a, long b) {
    return a - b <= 0 ? a : b;
  }

  private void send(Connection connection, Request request, long dueAt) {
    busy++;
    connection.request = request;
    connection.dueAt = dueAt;
    connection.retried = false;
    connection.parser.reset();
    try {
      connection.reused = connection.channel != null && request.address.equals(connection.address);
      if (!connection.reused) {
        connect(connection, request.address);
      }
      connection.out = ByteBuffer.wrap(request.bytes);
      write(connection);
    } catch (IOException e) {
      fail(connection, e);
    }
  }

  private void connect(Connection connection, InetSocketAddress address) throws IOException {
    close(connection);
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.connect(address);
      channel.configureBlocking(false);
      connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    connection.channel = channel;
    connection.address = address;
    opened++;
  }

  private void write(Connection connection) {
    SocketChannel channel = connection.channel;
    ByteBuffer out = connection.out;
    SelectionKey key = connection.key;
    if (channel == null || out == null || key == null) {
      return;
    }
    try {
      channel.write(out);
      connection.lastProgress = System.nanoTime();
      key.interestOps(
          out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    } catch (IOException e) {
      retryOrFail(connection, e);
    }
  }

  private void read(Connection connection) {
    SocketChannel channel = connection.channel;
    if (channel == null) {
      return;
    }
    try {
      int n;
      while ((n = channel.read(in.clear())) > 0) {
        if (connection.request == null) {
          // Bytes no request asked for: the connection cannot be trusted with the next one.
          close(connection);
          return;
        }
        connection.lastProgress = System.nanoTime();
        if (connection.parser.feed(in.flip())) {
          complete(connection);
          return;
        }
      }
      if (n < 0) {
        if (connection.request == null) {
          close(connection); // the server closed an idle connection: the next request opens one
        } else if (connection.parser.endOfStream()) {
          complete(connection);
        } else {
          retryOrFail(connection, new java.io.EOFException("connection closed before the end"));
        }
      }
    } catch (ProtocolException e) {
      fail(connection, e);
    } catch (IOException e) {
      retryOrFail(connection, e);
    }
  }

  /** Sends the request again on a new connection if the old one died before it was answered. */
  private void retryOrFail(Connection connection, IOException e) {
    Request request = connection.request;
    if (request == null) {
      close(connection);
      return;
    }
    if (connection.reused && !connection.retried && !connection.parser.started()) {
      connection.retried = true;
      connection.reused = false;
      try {
        connect(connection, request.address);
        connection.out = ByteBuffer.wrap(request.bytes);
        write(connection);
        return;
      } catch (IOException again) {
        fail(connection, again);
        return;
      }
    }
    fail(connection, e);
  }

  private void complete(Connection connection) {
    ResponseParser parser = connection.parser;
    String outcome =
        OpenLoad.degraded(parser.serverTiming()) ? "degraded" : Integer.toString(parser.status());
    recorder().bytes(parser.bodyBytes());
    if (parser.closeAfter()) {
      close(connection);
    }
    release(connection, outcome);
  }

  private void fail(Connection connection, IOException e) {
    close(connection);
    release(connection, "io:" + e.getClass().getSimpleName());
  }

  /** Fails the requests whose responses kept them waiting for bytes longer than the timeout. */
  private void expire(long now) {
    for (Connection connection : connections) {
      if (connection.request != null && now - connection.lastProgress > timeoutNanos) {
        close(connection);
        release(connection, "timeout");
      }
    }
  }

  private void release(Connection connection, String outcome) {
    recorder().record(System.nanoTime() - connection.dueAt, outcome);
    connection.request = null;
    connection.out = null;
    busy--;
    idle.add(connection);
  }

  private Recorder recorder() {
    return Objects.requireNonNull(recorder, "recorder");
  }

  private static void close(Connection connection) {
    SelectionKey key = connection.key;
    if (key != null) {
      key.cancel();
    }
    SocketChannel channel = connection.channel;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Closing is all that is left to do with it.
      }
    }
    connection.key = null;
    connection.channel = null;
    connection.address = null;
  }

  @Override
  public void close() {
    connections.forEach(EventLoop::close);
    try {
      selector.close();
    } catch (IOException e) {
      // Nothing more to release.
    }
  }
}
