package dev.intropage.rest;

import static dev.intropage.rest.PageFixtures.Counted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Section data is written once while its object lives, and its fragment is its JSON. */
class SectionFragmentsTest {
  private final ObjectMapper mapper = Json.mapper();
  private final SectionFragments fragments = new SectionFragments(mapper);

  @Test
  void of_sameObjectTwice_writtenOnceAndTheSameFragment() {
    Counted weather = new Counted("sunny");

    SectionFragment first = fragments.of(weather);
    SectionFragment second = fragments.of(weather);

    assertThat(second).isSameAs(first);
    assertThat(weather.writes.get()).isEqualTo(1);
  }

  @Test
  void of_equalDataInAnotherObject_writtenAgain() {
    Counted one = new Counted("sunny");
    Counted other = new Counted("sunny");

    SectionFragment first = fragments.of(one);
    SectionFragment second = fragments.of(other);

    assertThat(second).isNotSameAs(first);
    assertThat(second.getValue()).isEqualTo(first.getValue());
  }

  @Test
  void fragment_isTheMappersJson_inEveryForm() throws Exception {
    Counted data = new Counted("\"warm\" — 21 °C");
    byte[] json = mapper.writeValueAsBytes(data);
    SectionFragment fragment = fragments.of(data);

    assertThat(fragment.asUnquotedUTF8()).isEqualTo(json);
    assertThat(fragment.size()).isEqualTo(json.length);
    assertThat(fragment.getValue())
        .isEqualTo(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    byte[] roomy = new byte[json.length + 3];
    assertThat(fragment.appendUnquotedUTF8(roomy, 3)).isEqualTo(json.length);
    assertThat(java.util.Arrays.copyOfRange(roomy, 3, roomy.length)).isEqualTo(json);
    assertThat(fragment.appendUnquotedUTF8(new byte[json.length - 1], 0)).isEqualTo(-1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(fragment.writeUnquotedUTF8(out)).isEqualTo(json.length);
    assertThat(out.toByteArray()).isEqualTo(json);
    ByteBuffer buffer = ByteBuffer.allocate(json.length);
    assertThat(fragment.putUnquotedUTF8(buffer)).isEqualTo(json.length);
    assertThat(buffer.array()).isEqualTo(json);
    assertThat(fragment.putUnquotedUTF8(ByteBuffer.allocate(1))).isEqualTo(-1);
    assertThat(new String(fragment.asQuotedChars()))
        .isEqualTo(mapper.writeValueAsString(fragment.getValue()).replaceAll("^\"|\"$", ""));
  }
}
