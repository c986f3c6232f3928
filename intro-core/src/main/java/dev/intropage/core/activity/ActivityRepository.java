package dev.intropage.core.activity;

import static java.util.Objects.requireNonNull;

import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserId;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/** Loads the recent events a viewer follows; the activity feed's only port. */
@FunctionalInterface
public interface ActivityRepository {
  /**
   * Returns the events of the user and of the given teams, newest first ({@link
   * ActivityEvent#NEWEST_FIRST}), starting strictly after the cursor's position when there is one
   * ({@link ActivityCursor#precedes(ActivityEvent)}), at most {@code limit} of them.
   *
   * @param user the viewer, whose own events are included
   * @param teams the teams whose events are included; may be empty
   * @param before the position of the last event already shown, if any
   * @param limit the largest number of events to return, at least 1
   */
  List<ActivityEvent> recent(
      UserId user, Set<String> teams, Optional<ActivityCursor> before, int limit);

  /**
   * A position in the feed's newest-first order: the page after it starts with the first event that
   * is strictly older.
   *
   * <p>{@link #encode()} turns the position into an opaque, URL-safe token that {@link
   * #decode(String)} reads back exactly; a token that was altered or cut short is rejected. The
   * token is the URL-safe Base64 form, without padding, of: a version byte ({@code 1}), the epoch
   * second (8 bytes), the nanosecond (4 bytes), the id's length in UTF-16 units (1 byte), the id's
   * UTF-16 units (2 bytes each, so that any string round-trips), and a CRC-32 of all of the above
   * (4 bytes), all big-endian.
   *
   * @param occurredAt the time of the last event shown
   * @param eventId the id of the last event shown; 1 to {@value ActivityEvent#MAX_ID_LENGTH}
   *     characters, not blank
   */
  public record ActivityCursor(Instant occurredAt, String eventId) {

    /** The longest token {@link #decode(String)} accepts. */
    public static final int MAX_TOKEN_LENGTH = 512;

    private static final byte VERSION = 1;
    private static final int FIXED_BYTES = 1 + Long.BYTES + Integer.BYTES + 1 + Integer.BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Validates the position.
     *
     * @throws IllegalArgumentException if the id is blank or longer than {@value
     *     ActivityEvent#MAX_ID_LENGTH} characters
     */
    public ActivityCursor {
      requireNonNull(occurredAt, "occurredAt");
      requireNonNull(eventId, "eventId");
      if (eventId.isBlank() || eventId.length() > ActivityEvent.MAX_ID_LENGTH) {
        throw new IllegalArgumentException(
            "eventId must be 1 to " + ActivityEvent.MAX_ID_LENGTH + " characters and not blank");
      }
    }

    /** Returns the position of an event. */
    public static ActivityCursor of(ActivityEvent event) {
      return new ActivityCursor(event.occurredAt(), event.id());
    }

    /**
     * Returns whether the event comes strictly after this position in newest-first order, that is,
     * whether it belongs to the pages after this position.
     */
    public boolean precedes(ActivityEvent event) {
      int byTime = event.occurredAt().compareTo(occurredAt);
      return byTime < 0 || (byTime == 0 && event.id().compareTo(eventId) < 0);
    }

    /** Returns the opaque, URL-safe token for this position. */
    public String encode() {
      ByteBuffer buffer = ByteBuffer.allocate(FIXED_BYTES + Character.BYTES * eventId.length());
      buffer.put(VERSION);
      buffer.putLong(occurredAt.getEpochSecond());
      buffer.putInt(occurredAt.getNano());
      buffer.put((byte) eventId.length());
      for (int i = 0; i < eventId.length(); i++) {
        buffer.putChar(eventId.charAt(i));
      }
      buffer.putInt(checksum(buffer.array(), buffer.position()));
      return ENCODER.encodeToString(buffer.array());
    }

    /**
     * Reads a token written by {@link #encode()}.
     *
     * @throws InvalidInputException with field {@code cursor} if the token is longer than {@value
     *     #MAX_TOKEN_LENGTH} characters, is not canonical URL-safe Base64, fails its checksum, has
     *     an unknown version, or holds an impossible position
     */
    public static ActivityCursor decode(String token) {
      requireNonNull(token, "token");
      if (token.length() > MAX_TOKEN_LENGTH) {
        throw invalid("is longer than " + MAX_TOKEN_LENGTH + " characters");
      }
      byte[] bytes;
      try {
        bytes = DECODER.decode(token);
      } catch (IllegalArgumentException e) {
        throw invalid("is not a cursor token");
      }
      if (bytes.length < FIXED_BYTES || !ENCODER.encodeToString(bytes).equals(token)) {
        throw invalid("is not a cursor token");
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      int payload = bytes.length - Integer.BYTES;
      if (buffer.getInt(payload) != checksum(bytes, payload)) {
        throw invalid("has been altered or cut short");
      }
      try {
        return read(buffer, payload);
      } catch (DateTimeException | IllegalArgumentException e) {
        throw invalid("holds no valid position");
      }
    }

    private static ActivityCursor read(ByteBuffer buffer, int payload) {
      if (buffer.get() != VERSION) {
        throw new IllegalArgumentException("unknown version");
      }
      long seconds = buffer.getLong();
      long nanos = buffer.getInt();
      if (nanos < 0 || nanos > 999_999_999) {
        throw new IllegalArgumentException("nanos out of range");
      }
      int length = Byte.toUnsignedInt(buffer.get());
      if (payload - buffer.position() != Character.BYTES * length) {
        throw new IllegalArgumentException("id length does not match");
      }
      char[] id = new char[length];
      for (int i = 0; i < length; i++) {
        id[i] = buffer.getChar();
      }
      return new ActivityCursor(Instant.ofEpochSecond(seconds, nanos), new String(id));
    }

    private static int checksum(byte[] bytes, int length) {
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, length);
      return (int) crc.getValue();
    }

    private static InvalidInputException invalid(String reason) {
      return new InvalidInputException("cursor", reason);
    }
  }
}
