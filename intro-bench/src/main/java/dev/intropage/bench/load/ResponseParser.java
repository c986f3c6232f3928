package dev.intropage.bench.load;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads one HTTP/1.x response at a time from bytes as they arrive, counting the body's bytes
 * without keeping them: {@link EventLoop}'s parser, fed whatever a non-blocking read returned.
 *
 * <p>Header names are matched ignoring case and only {@code Content-Length}, {@code
 * Transfer-Encoding: chunked}, {@code Connection} and {@code Server-Timing} (the first one) are
 * kept; interim (1xx) responses are skipped. The body is read by its length, by chunks (extensions
 * and trailers included) or, with neither, to the end of the stream. A response asks for its
 * connection to be closed with {@code Connection: close}, as an HTTP/1.0 one without {@code
 * keep-alive}, or by running to the end of the stream.
 *
 * <p>Not thread-safe: one per connection.
 */
final class ResponseParser {
  private static final int MAX_LINE = 64 * 1024;

  private enum State {
    STATUS_LINE,
    HEADER,
    LENGTH,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILER,
    TO_END,
    DONE
  }

  private final byte[] line = new byte[MAX_LINE];
  private int lineLength;
  private State state = State.STATUS_LINE;
  private boolean started;
  private int status;
  private boolean http10;
  private long contentLength;
  private boolean chunked;
  private boolean close;
  private boolean keepAlive;
  private long remaining;
  private long bodyBytes;
  private @Nullable String serverTiming;

  ResponseParser() {
    reset();
  }

  /** Forgets the last response, for the next one on the connection. */
  void reset() {
    lineLength = 0;
    state = State.STATUS_LINE;
    started = false;
    status = 0;
    bodyBytes = 0;
    serverTiming = null;
    resetHead();
  }

  private void resetHead() {
    http10 = false;
    contentLength = -1;
    chunked = false;
    close = false;
    keepAlive = false;
  }

  /**
   * Consumes the response's bytes from the buffer, leaving whatever follows its end.
   *
   * @return whether the response is complete
   * @throws ProtocolException if the bytes are not an HTTP/1.x response
   */
  boolean feed(ByteBuffer in) throws ProtocolException {
    if (in.hasRemaining()) {
      started = true;
    }
    while (in.hasRemaining() && state != State.DONE) {
      switch (state) {
        case LENGTH, CHUNK_DATA -> {
          int n = (int) Math.min(remaining, in.remaining());
          in.position(in.position() + n);
          remaining -= n;
          bodyBytes += n;
          if (remaining == 0) {
            state = state == State.LENGTH ? State.DONE : State.CHUNK_END;
          }
        }
        case TO_END -> {
          bodyBytes += in.remaining();
          in.position(in.limit());
        }
        default -> {
          if (readLine(in)) {
            line(lineLength);
            lineLength = 0;
          }
        }
      }
    }
    return state == State.DONE;
  }

  /**
   * Tells the parser that the connection ended: a body read to the end of the stream is then
   * complete.
   *
   * @return whether the response is complete
   */
  boolean endOfStream() {
    if (state == State.TO_END) {
      state = State.DONE;
    }
    return state == State.DONE;
  }

  /** Whether any byte of the response has arrived. */
  boolean started() {
    return started;
  }

  /** The final response's status code; valid once complete. */
  int status() {
    return status;
  }

  /** The body's length, decoded from chunks; valid once complete. */
  long bodyBytes() {
    return bodyBytes;
  }

  /** The first {@code Server-Timing} header's value, if any; valid once complete. */
  @Nullable String serverTiming() {
    return serverTiming;
  }

  /** Whether the connection must be closed after this response; valid once complete. */
  boolean closeAfter() {
    return close || (http10 && !keepAlive);
  }

  /** Adds bytes up to a line feed to the line; true when the line is whole (without its CRLF). */
  private boolean readLine(ByteBuffer in) throws ProtocolException {
    while (in.hasRemaining()) {
      byte b = in.get();
      if (b == '\n') {
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
          lineLength--;
        }
        return true;
      }
      if (lineLength == MAX_LINE) {
        throw new ProtocolException("a response line is longer than " + MAX_LINE + " bytes");
      }
      line[lineLength++] = b;
    }
    return false;
  }

  private void line(int length) throws ProtocolException {
    switch (state) {
      case STATUS_LINE -> statusLine(length);
      case HEADER -> {
        if (length == 0) {
          endOfHead();
        } else {
          header(length);
        }
      }
      case CHUNK_SIZE -> {
        long size = chunkSize(length);
        if (size == 0) {
          state = State.TRAILER;
        } else {
          remaining = size;
          state = State.CHUNK_DATA;
        }
      }
      case CHUNK_END -> {
        if (length != 0) {
          throw new ProtocolException("a chunk does not end with CRLF");
        }
        state = State.CHUNK_SIZE;
      }
      case TRAILER -> {
        if (length == 0) {
          state = State.DONE;
        }
      }
      default -> throw new IllegalStateException("no line is read in state " + state);
    }
  }

  private void statusLine(int length) throws ProtocolException {
    if (length < 12
        || !startsWith("HTTP/1.", 0)
        || line[8] != ' '
        || !isDigit(line[9])
        || !isDigit(line[10])
        || !isDigit(line[11])) {
      String start = new String(line, 0, Math.min(length, 40), StandardCharsets.ISO_8859_1);
      throw new ProtocolException("not an HTTP/1.x status line: " + start);
    }
    http10 = line[7] == '0';
    status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    state = State.HEADER;
  }

  private void header(int length) throws ProtocolException {
    int colon = indexOf((byte) ':', 0, length);
    if (colon <= 0) {
      throw new ProtocolException("a header line without a name and colon");
    }
    int from = skipSpaces(colon + 1, length);
    int to = length;
    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
      to--;
    }
    if (nameIs("content-length", colon)) {
      contentLength = decimal(from, to);
    } else if (nameIs("transfer-encoding", colon)) {
      chunked |= contains("chunked", from, to);
    } else if (nameIs("connection", colon)) {
      close |= contains("close", from, to);
      keepAlive |= contains("keep-alive", from, to);
    } else if (nameIs("server-timing", colon) && serverTiming == null) {
      serverTiming = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }
  }

  private void endOfHead() {
    if (status / 100 == 1 && status != 101) {
      // An interim response (103 Early Hints): the final one follows on the same connection.
      resetHead();
      state = State.STATUS_LINE;
    } else if (status / 100 == 1 || status == 204 || status == 304) {
      state = State.DONE;
    } else if (chunked) {
      state = State.CHUNK_SIZE;
    } else if (contentLength >= 0) {
      remaining = contentLength;
      state = contentLength == 0 ? State.DONE : State.LENGTH;
    } else {
      close = true;
      state = State.TO_END;
    }
  }

  private long chunkSize(int length) throws ProtocolException {
    int end = indexOf((byte) ';', 0, length);
    end = end < 0 ? length : end;
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
      end--;
    }
    if (end == 0 || end > 15) {
      throw new ProtocolException("not a chunk size");
    }
    long size = 0;
    for (int i = 0; i < end; i++) {
      int digit = Character.digit(line[i], 16);
      if (digit < 0) {
        throw new ProtocolException("not a chunk size");
      }
      size = size * 16 + digit;
    }
    return size;
  }

  private long decimal(int from, int to) throws ProtocolException {
    if (from == to || to - from > 18) {
      throw new ProtocolException("not a Content-Length");
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      if (!isDigit(line[i])) {
        throw new ProtocolException("not a Content-Length");
      }
      value = value * 10 + (line[i] - '0');
    }
    return value;
  }

  private int indexOf(byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (line[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private int skipSpaces(int from, int to) {
    int i = from;
    while (i < to && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** Whether the header name, the line up to {@code end}, is {@code lowerCase}. */
  private boolean nameIs(String lowerCase, int end) {
    return end == lowerCase.length() && regionMatches(lowerCase, 0);
  }

  private boolean contains(String lowerCase, int from, int to) {
    for (int i = from; i + lowerCase.length() <= to; i++) {
      if (regionMatches(lowerCase, i)) {
        return true;
      }
    }
    return false;
  }

  private boolean startsWith(String ascii, int at) {
    for (int i = 0; i < ascii.length(); i++) {
      if (line[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the line at {@code at} holds {@code lowerCase}, ignoring ASCII case. */
  private boolean regionMatches(String lowerCase, int at) {
    for (int i = 0; i < lowerCase.length(); i++) {
      int b = line[at + i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
