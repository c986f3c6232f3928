package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intropage.core.Invalidation;
import dev.intropage.core.InvalidationBus;
import dev.intropage.core.actions.ActionItem;
import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItem.Priority;
import dev.intropage.core.actions.ActionItemsView;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.EventStreamClient.Event;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /api/v1/intro-page/{userId}/events} over real HTTP (Jetty, which can hold a stream
 * open): the first page, pushes after invalidations, heartbeats, the per-user limit, clients that
 * leave, shutdown, and who may listen.
 */
@Timeout(30)
class EventsEndpointTest {
  private static final Duration HEARTBEAT = Duration.ofMillis(100);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final InvalidationBus bus = InvalidationBus.inProcess();
  private final List<EventStreamClient> clients = new ArrayList<>();
  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.onJetty(bus, rest -> rest.invalidationBus(bus).eventsHeartbeat(HEARTBEAT));
  }

  @AfterEach
  void stop() {
    for (EventStreamClient client : clients) {
      client.close();
    }
    app.close();
  }

  private EventStreamClient open(String user, String token) throws Exception {
    EventStreamClient client = EventStreamClient.open(app.base, user, token);
    clients.add(client);
    return client;
  }

  /** Opens ada's stream and returns it after its first page event. */
  private EventStreamClient adaStream() throws Exception {
    EventStreamClient ada = open("ada", TestApp.ADA);
    assertThat(ada.status()).isEqualTo(200);
    Event first = ada.nextEvent(WAIT).orElseThrow();
    assertThat(first.name()).isEqualTo("page");
    return ada;
  }

  private static ActionItem newItem(String owner, String title) {
    return new ActionItem(
        "new-" + title.hashCode(),
        UserId.of(owner),
        title,
        Priority.HIGH,
        Optional.empty(),
        ActionState.OPEN,
        Optional.empty(),
        TestApp.NOW.minus(Duration.ofHours(1)),
        0);
  }

  private JsonNode json(Event event) throws Exception {
    return app.json.readTree(event.data());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void events_owner_getsTheWholePageFirst_asThePageEndpointServesIt() throws Exception {
    EventStreamClient ada = open("ada", TestApp.ADA);

    assertThat(ada.status()).isEqualTo(200);
    assertThat(ada.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    Event first = ada.nextEvent(WAIT).orElseThrow();
    HttpResponse<byte[]> page = app.get(TestApp.BASE + "/ada", TestApp.ADA);
    assertThat(first.name()).isEqualTo("page");
    assertThat(first.retry()).isEqualTo("3000");
    assertThat(page.headers().firstValue("ETag")).hasValue("W/\"" + first.id() + "\"");
    assertThat(json(first).path("userId").asText()).isEqualTo("ada");
    assertThat(json(first).path("sections").findValues("data"))
        .isEqualTo(app.body(page).path("sections").findValues("data"));
  }

  @Test
  void events_clientTakingGzip_getsEventsUncompressedAsTheyHappen() throws Exception {
    // A compressor holds events until it has enough to compress, which on a stream is never.
    EventStreamClient ada = EventStreamClient.open(app.base, "ada", TestApp.ADA, true);
    clients.add(ada);

    assertThat(ada.status()).isEqualTo(200);
    assertThat(ada.header("Content-Encoding")).isEmpty();
    assertThat(ada.nextEvent(WAIT).orElseThrow().name()).isEqualTo("page");
  }

  @Test
  void events_ownersDataChangesAndIsInvalidated_newPageArrivesWithin2s() throws Exception {
    EventStreamClient ada = adaStream();

    app.extraItems.add(newItem("ada", "Answer Babbage"));
    app.engine.invalidate(Invalidation.user(UserId.of("ada")));

    Event pushed = ada.nextEvent(Duration.ofSeconds(2)).orElseThrow();
    assertThat(pushed.name()).isEqualTo("page");
    assertThat(pushed.data()).contains("Answer Babbage");
  }

  @Test
  void events_burstOfInvalidations_isOnePush() throws Exception {
    EventStreamClient ada = adaStream();

    app.extraItems.add(newItem("ada", "Answer Babbage"));
    for (int i = 0; i < 5; i++) {
      app.engine.invalidate(Invalidation.userSection(UserId.of("ada"), ActionItemsView.KEY));
    }

    assertThat(ada.nextEvent(Duration.ofSeconds(2))).isPresent();
    assertThat(ada.nextEvent(Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void events_sectionInvalidationOfAShownSection_pushesTheChange() throws Exception {
    EventStreamClient ada = adaStream();

    app.extraItems.add(newItem("ada", "Answer Babbage"));
    app.engine.invalidate(Invalidation.section(ActionItemsView.KEY));

    assertThat(ada.nextEvent(Duration.ofSeconds(2)).orElseThrow().data())
        .contains("Answer Babbage");
  }

  @Test
  void events_invalidationWithoutChange_sendsNothing() throws Exception {
    EventStreamClient ada = adaStream();

    app.engine.invalidate(Invalidation.user(UserId.of("ada")));

    assertThat(ada.nextEvent(Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void events_anotherUsersInvalidation_sendsNothing() throws Exception {
    EventStreamClient ada = adaStream();

    app.extraItems.add(newItem("grace", "Fix the compiler"));
    app.engine.invalidate(Invalidation.user(UserId.of("grace")));

    assertThat(ada.nextEvent(Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void events_heartbeatCommentsArriveAtTheInterval() throws Exception {
    EventStreamClient ada = adaStream();

    int heartbeats = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Event> event = ada.next(Duration.ofMillis(200));
      if (event.isPresent()) {
        assertThat(event.get().heartbeat()).as("%s", event.get()).isTrue();
        heartbeats++;
      }
    }

    // every 100 ms for a second: ten, give or take a loaded machine
    assertThat(heartbeats).isBetween(3, 25);
  }

  @Test
  void events_moreStreamsThanTheLimit_429UntilOneCloses() throws Exception {
    EventStreamClient first = adaStream();
    adaStream();
    adaStream();

    HttpResponse<byte[]> fourth =
        app.get(TestApp.BASE + "/ada/events", TestApp.ADA, "Accept", "text/event-stream");

    JsonNode problem = app.problem(fourth, 429);
    assertThat(problem.path("type").asText()).endsWith("/too-many-requests");
    assertThat(fourth.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(open("grace", TestApp.GRACE).status()).as("the limit is per user").isEqualTo(200);

    first.close();
    await(() -> app.feature.openEventStreams("ada") < 3);
    EventStreamClient again = open("ada", TestApp.ADA);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.nextEvent(WAIT).orElseThrow().name()).isEqualTo("page");
  }

  @Test
  void events_clientHangsUp_serverReleasesTheStream() throws Exception {
    EventStreamClient ada = adaStream();
    assertThat(app.feature.openEventStreams("ada")).isEqualTo(1);

    ada.close();

    await(() -> app.feature.openEventStreams("ada") == 0);
    assertThat(app.feature.openEventStreams("ada")).isZero();
  }

  @Test
  void events_featureClosed_clientsGetShutdownAndTheStreamEnds() throws Exception {
    EventStreamClient ada = adaStream();
    EventStreamClient second = adaStream();

    app.feature.close();

    for (EventStreamClient client : List.of(ada, second)) {
      Event last = client.nextEvent(WAIT).orElseThrow();
      assertThat(last.name()).isEqualTo("shutdown");
      assertThat(client.awaitEnd(WAIT)).isTrue();
    }
    assertThat(app.feature.openEventStreams("ada")).isZero();
    app.problem(app.get(TestApp.BASE + "/ada/events", TestApp.ADA), 503);
  }

  @Test
  void events_withoutToken_401() throws Exception {
    app.problem(app.get(TestApp.BASE + "/ada/events", null, "Accept", "text/event-stream"), 401);
  }

  @Test
  void events_anotherUser_403() throws Exception {
    app.problem(
        app.get(TestApp.BASE + "/ada/events", TestApp.GRACE, "Accept", "text/event-stream"), 403);
  }

  @Test
  void events_operator_403() throws Exception {
    app.problem(
        app.get(TestApp.BASE + "/ada/events", TestApp.ADMIN, "Accept", "text/event-stream"), 403);
    assertThat(app.feature.openEventStreams("ada")).isZero();
  }

  @Test
  void events_withoutBus_501() throws Exception {
    try (TestApp plain = TestApp.onJetty(bus, rest -> {})) {
      JsonNode problem =
          plain.problem(
              plain.get(TestApp.BASE + "/ada/events", TestApp.ADA, "Accept", "text/event-stream"),
              501);
      assertThat(problem.path("detail").asText()).contains("event stream");
    }
  }
}
