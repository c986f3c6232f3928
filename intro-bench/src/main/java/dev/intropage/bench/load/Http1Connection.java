package dev.intropage.bench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One persistent HTTP/1.1 connection over a blocking {@link Socket} that sends {@code GET} requests
 * one at a time and reads their responses, counting the body's bytes without keeping them: {@link
 * OpenLoad}'s client, whose own work is small beside the kernel's for a request.
 *
 * <p>The response head is read into a reusable buffer; header names are matched ignoring case and
 * only {@code Content-Length}, {@code Transfer-Encoding: chunked}, {@code Connection} and {@code
 * Server-Timing} are kept; interim (1xx) responses are skipped. The body is read by its length, by
 * chunks (trailers included) or to the end of the stream. After {@code Connection: close}, an
 * HTTP/1.0 response without {@code keep-alive}, or any {@link IOException} (an expired read throws
 * {@link SocketTimeoutException}) the socket is closed, and the next request opens another. A
 * kept-alive connection that the server closed while idle, seen as an end of stream or a reset
 * before the first byte of the response, is replaced and the request sent once more, as browsers do
 * for idempotent requests.
 *
 * <p>Not thread-safe: one per worker.
 */
final class Http1Connection implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_HEAD_LINE = 64 * 1024;

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
     * @param uri an {@code http} URI with a host, as {@link OpenLoad#loopback} accepts
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

  /**
   * What a response said: its status code, its body's length (decoded from chunks) and its {@code
   * Server-Timing} header, if any (the first one).
   */
  record Response(int status, long bodyBytes, @Nullable String serverTiming) {}

  private final int readTimeoutMillis;
  private @Nullable Socket socket;
  private @Nullable InetSocketAddress connectedTo;
  private InputStream in = InputStream.nullInputStream();
  private OutputStream out = OutputStream.nullOutputStream();
  private int opened;
  private byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private int lineStart;

  /**
   * A connection that opens its socket at the first request.
   *
   * @param readTimeout how long each read may wait for bytes, at least 1 ms
   * @throws IllegalArgumentException if the timeout is below 1 ms or above {@link
   *     Integer#MAX_VALUE} ms
   */
  Http1Connection(Duration readTimeout) {
    long millis = readTimeout.toMillis();
    if (millis < 1 || millis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("readTimeout must be 1.." + Integer.MAX_VALUE + " ms");
    }
    this.readTimeoutMillis = (int) millis;
  }

  /** How many sockets this connection has opened so far. */
  int opened() {
    return opened;
  }

  /**
   * Sends the request and reads its whole response.
   *
   * @throws SocketTimeoutException if connecting or a read took longer than allowed
   * @throws IOException if the connection failed or the response is not HTTP/1.x; the socket is
   *     closed and the next request opens another
   */
  Response exchange(Request request) throws IOException {
    try {
      boolean reused = socket != null && request.address.equals(connectedTo);
      if (!reused) {
        connect(request.address);
      }
      if (!sendAndAwaitFirstByte(request, reused)) {
        connect(request.address);
        sendAndAwaitFirstByte(request, false);
      }
      return readResponse();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Sends the request and waits until the response's first bytes are in the buffer.
   *
   * @return false if the server had closed this kept-alive connection ({@code reused}) before it
   *     read the request, so it is to be sent again on a new one
   */
  private boolean sendAndAwaitFirstByte(Request request, boolean reused) throws IOException {
    position = 0;
    limit = 0;
    try {
      out.write(request.bytes);
      if (fill() < 0) {
        if (reused) {
          return false;
        }
        throw new EOFException("connection closed before the response");
      }
    } catch (SocketException e) {
      if (reused) {
        return false;
      }
      throw e;
    }
    return true;
  }

  private void connect(InetSocketAddress address) throws IOException {
    close();
    Socket fresh = new Socket();
    try {
      fresh.setTcpNoDelay(true);
      fresh.setSoTimeout(readTimeoutMillis);
      fresh.connect(address, (int) CONNECT_TIMEOUT.toMillis());
      in = fresh.getInputStream();
      out = fresh.getOutputStream();
    } catch (IOException e) {
      fresh.close();
      throw e;
    }
    socket = fresh;
    connectedTo = address;
    opened++;
  }

  private Response readResponse() throws IOException {
    int end = readLine();
    int status = statusCode(lineStart, end);
    while (status / 100 == 1 && status != 101) {
      while (readLine() > lineStart) {
        // An interim response's header field (103 Early Hints): dropped with its status line.
      }
      end = readLine();
      status = statusCode(lineStart, end);
    }
    boolean close = buffer[lineStart + 7] == '0';
    boolean chunked = false;
    long contentLength = -1;
    String serverTiming = null;
    while ((end = readLine()) > lineStart) {
      int colon = indexOf((byte) ':', lineStart, end);
      if (colon < 0) {
        throw new ProtocolException("a header line without a colon");
      }
      int value = skipSpaces(colon + 1, end);
      int valueEnd = end;
      while (valueEnd > value && (buffer[valueEnd - 1] == ' ' || buffer[valueEnd - 1] == '\t')) {
        valueEnd--;
      }
      if (nameIs("content-length", colon)) {
        contentLength = decimal(value, valueEnd);
      } else if (nameIs("transfer-encoding", colon)) {
        chunked = contains("chunked", value, valueEnd);
      } else if (nameIs("connection", colon)) {
        close =
            contains("close", value, valueEnd)
                || (close && !contains("keep-alive", value, valueEnd));
      } else if (serverTiming == null && nameIs("server-timing", colon)) {
        serverTiming = new String(buffer, value, valueEnd - value, StandardCharsets.ISO_8859_1);
      }
    }
    long body;
    if (status / 100 == 1 || status == 204 || status == 304) {
      body = 0;
    } else if (chunked) {
      body = skipChunks();
    } else if (contentLength >= 0) {
      skip(contentLength);
      body = contentLength;
    } else {
      body = skipToEnd();
      close = true;
    }
    if (close) {
      close();
    } else if (position != limit) {
      throw new ProtocolException("more bytes than the response");
    }
    return new Response(status, body, serverTiming);
  }

  private int statusCode(int start, int end) throws ProtocolException {
    if (end - start < 12
        || !startsWith("HTTP/1.", start)
        || buffer[start + 8] != ' '
        || !isDigit(buffer[start + 9])
        || !isDigit(buffer[start + 10])
        || !isDigit(buffer[start + 11])) {
      throw new ProtocolException("not an HTTP/1.x status line");
    }
    return (buffer[start + 9] - '0') * 100
        + (buffer[start + 10] - '0') * 10
        + buffer[start + 11]
        - '0';
  }

  private long skipChunks() throws IOException {
    long body = 0;
    while (true) {
      int end = readLine();
      int sizeEnd = lineStart;
      long size = 0;
      while (sizeEnd < end && Character.digit(buffer[sizeEnd], 16) >= 0) {
        size = size * 16 + Character.digit(buffer[sizeEnd], 16);
        sizeEnd++;
        if (size > Integer.MAX_VALUE) {
          throw new ProtocolException("a chunk larger than 2 GiB");
        }
      }
      if (sizeEnd == lineStart) {
        throw new ProtocolException("a chunk without a size");
      }
      if (size == 0) {
        while (readLine() > lineStart) {
          // A trailer field: read and dropped.
        }
        return body;
      }
      skip(size);
      body += size;
      if (readLine() != lineStart) {
        throw new ProtocolException("a chunk longer than its size");
      }
    }
  }

  /** Consumes {@code n} bytes: those already in the buffer, then straight from the socket. */
  private void skip(long n) throws IOException {
    long buffered = Math.min(n, limit - position);
    position += (int) buffered;
    long remaining = n - buffered;
    if (remaining > 0) {
      position = 0;
      limit = 0;
    }
    while (remaining > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (read < 0) {
        throw new EOFException("connection closed in a response body");
      }
      remaining -= read;
    }
  }

  private long skipToEnd() throws IOException {
    long body = (long) limit - position;
    position = 0;
    limit = 0;
    for (int read; (read = in.read(buffer)) >= 0; ) {
      body += read;
    }
    return body;
  }

  /**
   * Reads up to the next line feed; the line starts at {@link #lineStart}.
   *
   * @return where the line ends, before its CR LF (or bare LF)
   */
  private int readLine() throws IOException {
    int scan = position;
    while (true) {
      int lf = indexOf((byte) '\n', scan, limit);
      if (lf >= 0) {
        lineStart = position;
        position = lf + 1;
        return lf > lineStart && buffer[lf - 1] == '\r' ? lf - 1 : lf;
      }
      int scanned = limit - position;
      if (fill() < 0) {
        throw new EOFException("connection closed in a response head");
      }
      scan = position + scanned;
    }
  }

  /**
   * Reads more bytes after those not yet consumed, which first move to the buffer's start (and the
   * buffer grows if they fill it).
   *
   * @return how many bytes were read, or -1 at the end of the stream
   */
  private int fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      if (buffer.length >= MAX_HEAD_LINE) {
        throw new ProtocolException("a response head line longer than " + MAX_HEAD_LINE);
      }
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read > 0) {
      limit += read;
    }
    return read;
  }

  private int indexOf(byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private int skipSpaces(int from, int to) {
    int i = from;
    while (i < to && (buffer[i] == ' ' || buffer[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** Whether the header name from {@link #lineStart} to {@code end} is {@code lowerCase}. */
  private boolean nameIs(String lowerCase, int end) {
    return end - lineStart == lowerCase.length() && regionMatches(lowerCase, lineStart);
  }

  private boolean contains(String lowerCase, int from, int to) {
    for (int i = from; i <= to - lowerCase.length(); i++) {
      if (regionMatches(lowerCase, i)) {
        return true;
      }
    }
    return false;
  }

  private boolean startsWith(String ascii, int at) {
    for (int i = 0; i < ascii.length(); i++) {
      if (buffer[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the buffer at {@code at} holds {@code lowerCase}, ignoring ASCII case. */
  private boolean regionMatches(String lowerCase, int at) {
    for (int i = 0; i < lowerCase.length(); i++) {
      int b = buffer[at + i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private long decimal(int from, int to) throws ProtocolException {
    if (from == to || to - from > 18) {
      throw new ProtocolException("a Content-Length that is not a number");
    }
    long n = 0;
    for (int i = from; i < to; i++) {
      if (!isDigit(buffer[i])) {
        throw new ProtocolException("a Content-Length that is not a number");
      }
      n = n * 10 + buffer[i] - '0';
    }
    return n;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Closes the socket, if open; the next request opens another. */
  @Override
  public void close() {
    Socket open = socket;
    socket = null;
    connectedTo = null;
    in = InputStream.nullInputStream();
    out = OutputStream.nullOutputStream();
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // Nothing more to do with a socket being dropped.
      }
    }
  }
}
