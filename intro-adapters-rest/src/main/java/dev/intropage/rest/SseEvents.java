package dev.intropage.rest;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * The events of an intro page stream, as {@code docs/events.md} describes them: {@code page} events
 * carrying the page, a comment as heartbeat, and a {@code shutdown} event when the server stops.
 * The first page event and the shutdown event ask the browser to reconnect after {@link
 * #RECONNECT_MILLIS}.
 */
final class SseEvents {
  /** The name of an event that carries the whole page. */
  static final String PAGE = "page";

  /** The name of the last event of a stream the server closes on shutdown. */
  static final String SHUTDOWN = "shutdown";

  /** The text of the comment line that keeps an idle stream open. */
  static final String HEARTBEAT = "heartbeat";

  /** The reconnection delay a browser's {@code EventSource} is asked to use. */
  static final long RECONNECT_MILLIS = 3_000;

  private SseEvents() {}

  /** Returns a page event whose id is the page's validator; the first one sets the reconnect. */
  static OutboundSseEvent page(Sse sse, StreamedPage page, boolean first) {
    OutboundSseEvent.Builder event =
        sse.newEventBuilder().name(PAGE).id(page.tag()).data(String.class, page.json());
    if (first) {
      event.reconnectDelay(RECONNECT_MILLIS);
    }
    return event.build();
  }

  /** Returns the heartbeat, a comment line that clients ignore. */
  static OutboundSseEvent heartbeat(Sse sse) {
    return sse.newEventBuilder().comment(HEARTBEAT).build();
  }

  /** Returns the shutdown event, which tells the client why the stream ends. */
  static OutboundSseEvent shutdown(Sse sse) {
    return sse.newEventBuilder()
        .name(SHUTDOWN)
        .data(String.class, "{\"reason\":\"server-shutdown\"}")
        .reconnectDelay(RECONNECT_MILLIS)
        .build();
  }
}
