package dev.intropage.core.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intropage.core.activity.ActivityRepository.ActivityCursor;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;

class ActivityCursorPropertiesTest {

  @Property(tries = 2000)
  void decode_ofEncode_isExact(@ForAll("cursors") ActivityCursor cursor) {
    String token = cursor.encode();

    assertThat(token.length()).isLessThanOrEqualTo(ActivityCursor.MAX_TOKEN_LENGTH);
    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(ActivityCursor.decode(token)).isEqualTo(cursor);
  }

  @Property(tries = 2000)
  void decode_singleCharacterChanged_isRejected(
      @ForAll("cursors") ActivityCursor cursor,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll
          @CharRange(from = 'A', to = 'Z')
          @CharRange(from = 'a', to = 'z')
          @CharRange(from = '0', to = '9')
          @Chars({'-', '_', '+', '/', '=', ' ', 'é'})
          char replacement) {
    String token = cursor.encode();
    int i = position % token.length();
    char c = replacement == token.charAt(i) ? (replacement == 'A' ? 'B' : 'A') : replacement;
    String tampered = token.substring(0, i) + c + token.substring(i + 1);

    ActivityCursorTest.assertRejected(tampered);
  }

  @Property(tries = 500)
  void decode_truncated_isRejected(
      @ForAll("cursors") ActivityCursor cursor, @ForAll @IntRange(min = 1, max = 10_000) int cut) {
    String token = cursor.encode();
    String truncated = token.substring(0, token.length() - 1 - (cut % token.length()));

    ActivityCursorTest.assertRejected(truncated);
  }

  @Provide
  Arbitrary<ActivityCursor> cursors() {
    Arbitrary<Instant> instants =
        Combinators.combine(
                Arbitraries.longs()
                    .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.integers().between(0, 999_999_999))
            .as((seconds, nanos) -> Instant.ofEpochSecond(seconds, nanos));
    Arbitrary<String> ids =
        Arbitraries.strings()
            .all()
            .ofMinLength(1)
            .ofMaxLength(ActivityEvent.MAX_ID_LENGTH)
            .filter(s -> !s.isBlank());
    return Combinators.combine(instants, ids).as(ActivityCursor::new);
  }
}
