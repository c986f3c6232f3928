package dev.intropage.core.actions;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.actions.ActionItem.ActionState;
import dev.intropage.core.actions.ActionItemWriter.ActionCommand;
import dev.intropage.core.actions.ActionItemWriter.ActionOutcome;
import dev.intropage.core.actions.ActionItemWriter.RejectionReason;
import dev.intropage.core.model.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Completes, dismisses and snoozes action items over an {@link ActionItemStore}: the use case that
 * decides, while the store only loads and stores. Immutable and thread-safe.
 *
 * <p>Each command runs in one transaction: a repeated idempotency key is answered from its record
 * (the stored outcome for the same request, a refusal for another one), then {@link
 * ActionTransitions} decides, and an applied change is stored under a version check, counted in the
 * daily rollup when it completes the item, and recorded under the key. Only applied changes are
 * recorded: a refused command writes nothing, and its repeat is decided again.
 */
final class ActionItemService implements ActionItemWriter {
  /** The longest idempotency key accepted, the width of the store's key column. */
  static final int MAX_KEY_LENGTH = 255;

  private final ActionItemStore store;
  private final Clock clock;

  ActionItemService(ActionItemStore store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public ActionOutcome act(
      UserId owner,
      String itemId,
      ActionCommand command,
      long expectedVersion,
      String idempotencyKey) {
    requireNonNull(owner, "owner");
    requireNonNull(itemId, "itemId");
    requireNonNull(command, "command");
    requireNonNull(idempotencyKey, "idempotencyKey");
    if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters and not blank");
    }
    var request =
        new Request(
            owner,
            itemId,
            command,
            expectedVersion,
            idempotencyKey,
            requestHash(itemId, command, expectedVersion),
            clock.instant());
    try {
      return store.inTransaction(request::decide);
    } catch (KeyTaken first) {
      // A concurrent request recorded the key after this one looked: its change is committed, so
      // deciding again finds its record and replays or refuses it.
      try {
        return store.inTransaction(request::decide);
      } catch (KeyTaken again) {
        throw new IllegalStateException(
            "the idempotency key was taken concurrently twice; nothing changed", again);
      }
    }
  }

  /** One command with everything it is decided on. */
  private record Request(
      UserId owner,
      String itemId,
      ActionCommand command,
      long expectedVersion,
      String key,
      String hash,
      Instant now) {

    ActionOutcome decide(ActionItemStore.Transaction tx) {
      Optional<ActionOutcome> replay = replay(tx);
      if (replay.isPresent()) {
        return replay.get();
      }
      Optional<ActionItem> current = tx.find(owner, itemId);
      if (current.isEmpty()) {
        return ActionOutcome.notFound(itemId);
      }
      TransitionResult result =
          ActionTransitions.apply(current.get(), command, expectedVersion, now);
      if (!(result instanceof TransitionResult.Applied applied)) {
        return ActionOutcome.of(result);
      }
      ActionItem next = applied.item();
      if (!tx.store(next, expectedVersion)) {
        // Another transaction changed the item since it was read; if that was this very request,
        // its record is committed by now.
        return replay(tx)
            .orElseGet(
                () ->
                    ActionOutcome.rejected(
                        RejectionReason.VERSION_CONFLICT,
                        "The item has changed; reload it and try again."));
      }
      if (next.state() == ActionState.COMPLETED) {
        tx.countCompletion(owner, now);
      }
      if (!tx.record(owner, key, new ActionItemStore.Recorded(hash, next), now)) {
        throw new KeyTaken();
      }
      return ActionOutcome.applied(next);
    }

    private Optional<ActionOutcome> replay(ActionItemStore.Transaction tx) {
      return tx.findRecorded(owner, key)
          .map(
              recorded ->
                  recorded.requestHash().equals(hash)
                      ? ActionOutcome.applied(recorded.item())
                      : ActionOutcome.keyReused());
    }
  }

  /**
   * Identifies a request by what it asks, not by its key: SHA-256 of the item, the command (a
   * snooze's end in epoch microseconds, the store's precision) and the expected version, each
   * percent-encoded and joined by {@code &}. Records stored earlier used the same form.
   */
  static String requestHash(String itemId, ActionCommand command, long expectedVersion) {
    String described;
    if (command instanceof ActionCommand.Snooze snooze) {
      described = "snooze:" + micros(snooze.until());
    } else {
      described = command instanceof ActionCommand.Complete ? "complete" : "dismiss";
    }
    String canonical =
        List.of("act", itemId, described, Long.toString(expectedVersion)).stream()
            .map(field -> URLEncoder.encode(field, StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  /** Thrown inside a transaction to roll it back when the idempotency key was taken meanwhile. */
  private static final class KeyTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyTaken() {
      super("idempotency key taken", null, false, false);
    }
  }
}
