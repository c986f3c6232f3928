package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The events of a page stream, field by field, as docs/events.md describes them. */
class SseEventsTest {
  private final EventStreamTest.TestSse sse = new EventStreamTest.TestSse();
  private final StreamedPage page = new StreamedPage("abc", "{\"userId\":\"ada\"}", Set.of());

  @Test
  void page_first_namedPageWithTheTagAsIdAndTheReconnectDelay() {
    OutboundSseEvent event = SseEvents.page(sse, page, true);

    assertThat(event.getName()).isEqualTo("page");
    assertThat(event.getId()).isEqualTo("abc");
    assertThat(event.getData()).isEqualTo("{\"userId\":\"ada\"}");
    assertThat(event.getReconnectDelay()).isEqualTo(3_000);
  }

  @Test
  void page_later_withoutReconnectDelay() {
    assertThat(SseEvents.page(sse, page, false).isReconnectDelaySet()).isFalse();
  }

  @Test
  void heartbeat_isACommentWithoutData() {
    OutboundSseEvent event = SseEvents.heartbeat(sse);

    assertThat(event.getComment()).isEqualTo("heartbeat");
    assertThat(event.getName()).isNull();
    assertThat(event.getData()).isNull();
  }

  @Test
  void shutdown_namedShutdownWithTheReasonAndTheReconnectDelay() {
    OutboundSseEvent event = SseEvents.shutdown(sse);

    assertThat(event.getName()).isEqualTo("shutdown");
    assertThat(event.getData()).isEqualTo("{\"reason\":\"server-shutdown\"}");
    assertThat(event.getReconnectDelay()).isEqualTo(3_000);
  }
}
