package dev.intropage.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intropage.core.activity.ActivityRepository.ActivityCursor;
import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ActivityCursorTest {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Test
  void decode_ofEncode_returnsSamePosition() {
    ActivityCursor cursor =
        new ActivityCursor(Instant.parse("2025-03-01T10:15:30.123456789Z"), "é-1");
    String token = cursor.encode();

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(ActivityCursor.decode(token)).isEqualTo(cursor);
  }

  @Test
  void decode_extremeInstantsAndLongestId_roundTrip() {
    String longest = "\uD83D\uDE00".repeat(64);
    for (Instant at : new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH.minusNanos(1)}) {
      ActivityCursor cursor = new ActivityCursor(at, longest);
      String token = cursor.encode();

      assertThat(token.length()).isLessThanOrEqualTo(ActivityCursor.MAX_TOKEN_LENGTH);
      assertThat(ActivityCursor.decode(token)).isEqualTo(cursor);
    }
  }

  @Test
  void decode_loneSurrogateInId_roundTrips() {
    ActivityCursor cursor = new ActivityCursor(Instant.EPOCH, "a\uD800b");

    assertThat(ActivityCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void decode_anySingleCharacterReplaced_isRejected() {
    // ids of 1, 2 and 3 units put the checksum at each of Base64's three bit alignments
    for (String id : new String[] {"a", "ab", "abc"}) {
      String token = new ActivityCursor(Instant.parse("2024-01-01T00:00:00Z"), id).encode();
      for (int i = 0; i < token.length(); i++) {
        for (int k = 0; k < ALPHABET.length(); k++) {
          char c = ALPHABET.charAt(k);
          if (c != token.charAt(i)) {
            String tampered = token.substring(0, i) + c + token.substring(i + 1);
            assertRejected(tampered);
          }
        }
      }
    }
  }

  @Test
  void decode_truncatedToken_isRejected() {
    String token = new ActivityCursor(Instant.parse("2024-01-01T00:00:00Z"), "event-42").encode();
    for (int length = 0; length < token.length(); length++) {
      assertRejected(token.substring(0, length));
    }
  }

  @Test
  void decode_tooLong_isRejectedBeforeDecoding() {
    assertThat(rejectionReason("A".repeat(ActivityCursor.MAX_TOKEN_LENGTH + 1)))
        .contains("longer than 512");
  }

  @Test
  void decode_notBase64_isRejected() {
    assertRejected("not a token!");
    assertRejected(new ActivityCursor(Instant.EPOCH, "x").encode() + "=");
  }

  @Test
  void decode_unknownVersion_isRejected() {
    byte[] body = body((byte) 2, 0, 0, "x");

    assertThat(rejectionReason(forge(body))).isEqualTo("holds no valid position");
  }

  @Test
  void decode_nanosOutOfRange_isRejected() {
    assertRejected(forge(body((byte) 1, 0, 1_000_000_000, "x")));
    assertRejected(forge(body((byte) 1, 0, -1, "x")));
  }

  @Test
  void decode_secondsBeyondInstantRange_isRejected() {
    assertRejected(forge(body((byte) 1, Instant.MAX.getEpochSecond() + 1, 0, "x")));
  }

  @Test
  void decode_lengthFieldDisagreesWithId_isRejected() {
    byte[] body = body((byte) 1, 0, 0, "xy");
    body[13] = 1;

    assertRejected(forge(body));
  }

  @Test
  void decode_blankId_isRejected() {
    assertRejected(forge(body((byte) 1, 0, 0, " ")));
    assertRejected(forge(body((byte) 1, 0, 0, "")));
  }

  @Test
  void constructor_blankOrTooLongId_isRejected() {
    assertThatThrownBy(() -> new ActivityCursor(Instant.EPOCH, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActivityCursor(Instant.EPOCH, "x".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void precedes_olderEventOrSameTimeSmallerId_isTrue() {
    Instant at = Instant.parse("2024-05-05T12:00:00Z");
    ActivityCursor cursor = new ActivityCursor(at, "m");

    assertThat(cursor.precedes(event("z", at.minusNanos(1)))).isTrue();
    assertThat(cursor.precedes(event("a", at))).isTrue();
    assertThat(cursor.precedes(event("m", at))).isFalse();
    assertThat(cursor.precedes(event("n", at))).isFalse();
    assertThat(cursor.precedes(event("a", at.plusNanos(1)))).isFalse();
  }

  @Test
  void of_event_takesItsPosition() {
    Instant at = Instant.parse("2024-05-05T12:00:00Z");

    assertThat(ActivityCursor.of(event("e1", at))).isEqualTo(new ActivityCursor(at, "e1"));
  }

  static void assertRejected(String token) {
    assertThatThrownBy(() -> ActivityCursor.decode(token))
        .as("token %s", token)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  private static String rejectionReason(String token) {
    try {
      ActivityCursor.decode(token);
    } catch (InvalidInputException e) {
      return e.reason();
    }
    throw new AssertionError("accepted " + token);
  }

  private static ActivityEvent event(String id, Instant at) {
    return new ActivityEvent(id, UserId.of("ada"), Optional.empty(), "comment", "doc", at);
  }

  private static byte[] body(byte version, long seconds, int nanos, String id) {
    byte[] bytes = new byte[14 + 2 * id.length()];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.put(version).putLong(seconds).putInt(nanos).put((byte) id.length());
    id.chars().forEach(c -> buffer.putChar((char) c));
    return bytes;
  }

  private static String forge(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] token = Arrays.copyOf(body, body.length + 4);
    ByteBuffer.wrap(token).putInt(body.length, (int) crc.getValue());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }
}
