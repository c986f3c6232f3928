package dev.intropage.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Responses read from bytes as they arrive: whole, byte by byte, and followed by more. */
class ResponseParserTest {
  private final ResponseParser parser = new ResponseParser();

  /** Feeds the text in pieces of {@code piece} bytes; returns the bytes left after the response. */
  private String feed(String text, int piece) throws ProtocolException {
    parser.reset();
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    for (int from = 0; from < bytes.length; from += piece) {
      ByteBuffer in = ByteBuffer.wrap(bytes, from, Math.min(piece, bytes.length - from));
      if (parser.feed(in)) {
        return new String(
            bytes, in.position(), bytes.length - in.position(), StandardCharsets.ISO_8859_1);
      }
    }
    return "(incomplete)";
  }

  @Test
  void contentLength_bodyCountedAndWhatFollowsLeft() throws Exception {
    String response =
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nServer-Timing: total;dur=1\r\n\r\nhello";

    for (int piece : new int[] {1, 7, 1000}) {
      assertThat(feed(response + "NEXT", piece)).isEqualTo("NEXT");
      assertThat(parser.status()).isEqualTo(200);
      assertThat(parser.bodyBytes()).isEqualTo(5);
      assertThat(parser.serverTiming()).isEqualTo("total;dur=1");
      assertThat(parser.closeAfter()).isFalse();
    }
  }

  @Test
  void chunkExtensionsTrailersAndHeaderNamesInAnyCase_areRead() throws Exception {
    String response =
        """
        HTTP/1.1 200 OK\r
        transfer-ENCODING: Chunked\r
        SERVER-timing: a;desc="FRESH" \r
        server-timing: second\r
        \r
        5;name=value\r
        hello\r
        A\r
        0123456789\r
        0\r
        X-Checksum: 1\r
        \r
        """;

    for (int piece : new int[] {1, 3, 1000}) {
      assertThat(feed(response, piece)).isEmpty();
      assertThat(parser.bodyBytes()).isEqualTo(15);
      assertThat(parser.serverTiming()).isEqualTo("a;desc=\"FRESH\"");
      assertThat(parser.closeAfter()).isFalse();
    }
  }

  @Test
  void interimResponses_areSkippedForTheFinalOne() throws Exception {
    String response =
        "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\nConnection: close\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    assertThat(feed(response, 1)).isEmpty();
    assertThat(parser.status()).isEqualTo(200);
    assertThat(parser.bodyBytes()).isEqualTo(2);
    assertThat(parser.closeAfter()).as("the interim response's headers are dropped").isFalse();
  }

  @Test
  void noBodyFor204And304() throws Exception {
    for (String status : new String[] {"204 No Content", "304 Not Modified"}) {
      assertThat(feed("HTTP/1.1 " + status + "\r\nContent-Length: 9\r\n\r\nNEXT", 4))
          .isEqualTo("NEXT");
      assertThat(parser.bodyBytes()).isZero();
    }
  }

  @Test
  void withoutLengthOrChunks_theBodyRunsToTheEndOfTheStream() throws Exception {
    assertThat(feed("HTTP/1.0 200 OK\r\n\r\nbody", 2)).isEqualTo("(incomplete)");
    assertThat(parser.started()).isTrue();

    assertThat(parser.endOfStream()).isTrue();
    assertThat(parser.bodyBytes()).isEqualTo(4);
    assertThat(parser.closeAfter()).isTrue();
  }

  @Test
  void endOfStreamInTheMiddle_isNotAResponse() throws Exception {
    feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", 100);

    assertThat(parser.endOfStream()).isFalse();
  }

  @Test
  void connectionHeaders_decideWhetherTheConnectionStays() throws Exception {
    feed("HTTP/1.1 503 Busy\r\nContent-Length: 2\r\nConnection: Close\r\n\r\nno", 100);
    assertThat(parser.closeAfter()).isTrue();

    feed("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 100);
    assertThat(parser.closeAfter()).isTrue();

    feed("HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok", 100);
    assertThat(parser.closeAfter()).isFalse();
  }

  @Test
  void resetForTheNextResponse_forgetsTheLastOne() throws Exception {
    feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nServer-Timing: x\r\n\r\nok", 100);
    parser.reset();

    assertThat(parser.started()).isFalse();
    assertThat(feed("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", 100)).isEmpty();
    assertThat(parser.status()).isEqualTo(404);
    assertThat(parser.bodyBytes()).isZero();
    assertThat(parser.serverTiming()).isNull();
  }

  @Test
  void notHttp_orBrokenFraming_isAProtocolException() {
    for (String bytes :
        new String[] {
          "SSH-2.0-OpenSSH\r\n\r\n",
          "HTTP/1.1 2x0 OK\r\n\r\n",
          "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
          "HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n",
          "HTTP/1.1 200 OK\r\nX: " + "a".repeat(70_000) + "\r\n\r\n"
        }) {
      assertThatThrownBy(() -> feed(bytes, 1000))
          .as(bytes.substring(0, Math.min(40, bytes.length())))
          .isInstanceOf(ProtocolException.class);
    }
  }
}
