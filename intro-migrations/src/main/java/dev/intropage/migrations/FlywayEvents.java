package dev.intropage.migrations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Turns Flyway's per-migration callbacks into {@link MigrationEvent}s. */
final class FlywayEvents implements Callback {
  private final Clock clock;
  private final Consumer<MigrationEvent> sink;
  private final Map<String, Instant> started = new HashMap<>();

  FlywayEvents(Clock clock, Consumer<MigrationEvent> sink) {
    this.clock = clock;
    this.sink = sink;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_EACH_MIGRATE
        || event == Event.AFTER_EACH_MIGRATE
        || event == Event.AFTER_EACH_MIGRATE_ERROR;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    MigrationInfo info = context.getMigrationInfo();
    if (info == null || info.getVersion() == null) {
      return;
    }
    String version = info.getVersion().getVersion();
    Instant now = clock.instant();
    if (event == Event.BEFORE_EACH_MIGRATE) {
      started.put(version, now);
      sink.accept(event(MigrationEvent.Kind.STARTED, info, Duration.ZERO));
      return;
    }
    Instant start = started.getOrDefault(version, now);
    MigrationEvent.Kind kind =
        event == Event.AFTER_EACH_MIGRATE
            ? MigrationEvent.Kind.FINISHED
            : MigrationEvent.Kind.FAILED;
    sink.accept(event(kind, info, Duration.between(start, now)));
  }

  @Override
  public String getCallbackName() {
    return "intro-migration-events";
  }

  private static MigrationEvent event(
      MigrationEvent.Kind kind, MigrationInfo info, Duration elapsed) {
    return new MigrationEvent(
        kind, Integer.parseInt(info.getVersion().getVersion()), info.getDescription(), elapsed);
  }
}
