package dev.intropage.rest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.intropage.core.IntroPage;
import dev.intropage.rest.Views.ErrorView;
import dev.intropage.rest.Views.PageView;
import dev.intropage.rest.Views.SectionView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes pages as JSON, and their validator. A section the engine serves from its cache has the
 * same data object on every page until the entry is refreshed, so the JSON of that object and the
 * hash of that JSON are made once and reused while the object lives: a cached page then costs a
 * copy of bytes rather than a walk over every record. Writing the data every time was about a fifth
 * of a cached page's time over HTTP.
 *
 * <p>The data is remembered by identity, weakly: an entry goes when the engine lets go of its
 * object. Section data must therefore not change after its source returns it, which core's records
 * guarantee and DESIGN asks of every section. Thread-safe.
 */
final class PageJson {
  /** The JSON kept for section data, at most, in bytes. */
  static final long MAX_REMEMBERED_BYTES = 32L * 1024 * 1024;

  private final ObjectMapper mapper;
  private final Cache<Object, Fragment> fragments =
      Caffeine.newBuilder()
          .weakKeys()
          .maximumWeight(MAX_REMEMBERED_BYTES)
          .<Object, Fragment>weigher((data, fragment) -> fragment.utf8().length)
          .build();

  /**
   * Each user's last page's fragments, bounded by their weight like {@link #fragments}; holding a
   * user's data until their next page, or until the bound removes it, is the price of the shortcut.
   */
  private final Cache<String, Written> lastPages =
      Caffeine.newBuilder()
          .maximumWeight(MAX_REMEMBERED_BYTES)
          .<String, Written>weigher((user, written) -> written.weight)
          .build();

  PageJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The JSON of one section's data, as UTF-8, and its SHA-256; {@link #bytes} copies it into a page
   * as it is.
   */
  static final class Fragment {
    private final byte[] utf8;
    private final byte[] sha256;

    Fragment(byte[] utf8, byte[] sha256) {
      this.utf8 = utf8;
      this.sha256 = sha256;
    }

    byte[] utf8() {
      return utf8;
    }

    /** Feeds the hash of the JSON's UTF-8 bytes to a digest. */
    void hashInto(MessageDigest digest) {
      digest.update(sha256);
    }
  }

  /** A page's view, with every section's data as a {@link Fragment}, and its validator. */
  record Tagged(PageView view, String tag) {}

  /**
   * Returns the page's view and its validator (see {@link #tag}). The fragments of the user's
   * previous page are tried first, by identity and in order: on a cached page they are all still
   * current, and comparing references costs less than one lookup among every user's data. When the
   * page says what that page said, its validator is reused too: hashing the page was a twentieth of
   * a cached page's time over HTTP.
   */
  Tagged tagged(IntroPage page) {
    String user = page.user().value();
    Written previous = lastPages.getIfPresent(user);
    Writing writing = new Writing(previous, page.sections().size());
    PageView view = PageView.of(page, writing);
    if (previous != null && !writing.changed() && previous.saysWhat(view)) {
      return new Tagged(view, previous.tag);
    }
    String tag = tag(view);
    lastPages.put(user, writing.written(view.sections(), tag));
    return new Tagged(view, tag);
  }

  /**
   * A user's last page: its fragments, in order, with the data they were written from, and its
   * sections and validator.
   */
  private static final class Written {
    final Object[] data;
    final Fragment[] fragments;
    final int count;
    final int weight;
    final List<SectionView> sections;
    final String tag;

    Written(
        Object[] data,
        Fragment[] fragments,
        int count,
        int weight,
        List<SectionView> sections,
        String tag) {
      this.data = data;
      this.fragments = fragments;
      this.count = count;
      this.weight = weight;
      this.sections = sections;
      this.tag = tag;
    }

    /**
     * Whether a view of the same data says what this page said, as far as the validator goes: the
     * same sections in the same order, each with the same fragment, or none, and error code.
     */
    boolean saysWhat(PageView view) {
      List<SectionView> now = view.sections();
      if (now.size() != sections.size()) {
        return false;
      }
      for (int i = 0; i < now.size(); i++) {
        SectionView was = sections.get(i);
        SectionView is = now.get(i);
        if (!was.key().equals(is.key())
            || was.data() != is.data()
            || !Objects.equals(code(was), code(is))) {
          return false;
        }
      }
      return true;
    }

    private static @Nullable String code(SectionView section) {
      ErrorView error = section.error();
      return error == null ? null : error.code();
    }
  }

  /** Maps a page's section data to fragments, reusing the previous page's where the data is. */
  private final class Writing implements Function<Object, Object> {
    private final @Nullable Written previous;
    private final Object[] data;
    private final Fragment[] fragments;
    private int count;
    private boolean changed;

    Writing(@Nullable Written previous, int sections) {
      this.previous = previous;
      this.data = new Object[sections];
      this.fragments = new Fragment[sections];
    }

    @Override
    public Object apply(Object value) {
      Fragment fragment;
      if (previous != null && count < previous.count && previous.data[count] == value) {
        fragment = previous.fragments[count];
      } else {
        fragment = fragment(value);
        changed = true;
      }
      data[count] = value;
      fragments[count] = fragment;
      count++;
      return fragment;
    }

    boolean changed() {
      return changed || previous == null || previous.count != count;
    }

    Written written(List<SectionView> sections, String tag) {
      int weight = 0;
      for (int i = 0; i < count; i++) {
        weight += fragments[i].utf8().length;
      }
      return new Written(data, fragments, count, weight, sections, tag);
    }
  }

  /**
   * Returns the page as JSON: byte for byte what the mapper writes for the view, but the envelope
   * is written here, around the sections' bytes, rather than by the mapper's record serializers,
   * which took as long as the rest of a cached page's work in the adapter. The page is measured
   * first and written once into an array of its exact size: a growing buffer and its final copy
   * were two of the three copies of the body that a request made, a sixth of what it allocated.
   */
  byte[] bytes(PageView view) {
    List<SectionView> sections = view.sections();
    byte[][] data = new byte[sections.size()][];
    byte[][] errors = new byte[sections.size()][];
    Instant assembledAt = view.assembledAt();
    Second at = second(assembledAt.getEpochSecond());
    int nanos = assembledAt.getNano();
    int size =
        USER_ID.length
            + stringSize(view.userId())
            + ASSEMBLED_AT.length
            + QUOTE.length
            + at.text.length
            + fractionSize(nanos)
            + Z_QUOTE.length
            + ELAPSED.length
            + numberSize(view.elapsedMillis())
            + SECTIONS.length
            + Math.max(0, sections.size() - 1) * COMMA.length
            + END_PAGE.length;
    for (int i = 0; i < sections.size(); i++) {
      SectionView section = sections.get(i);
      data[i] =
          section.data() instanceof Fragment fragment ? fragment.utf8() : written(section.data());
      errors[i] = written(section.error());
      size +=
          KEY.length
              + stringSize(section.key())
              + STATUS.length
              + stringSize(section.status())
              + DATA.length
              + data[i].length
              + SOURCE.length
              + stringSize(section.source())
              + AGE.length
              + numberSize(section.ageMillis())
              + ELAPSED.length
              + numberSize(section.elapsedMillis())
              + ERROR.length
              + errors[i].length
              + END_OBJECT.length;
    }
    Sink out = new Sink(size);
    out.raw(USER_ID).string(view.userId());
    out.raw(ASSEMBLED_AT).raw(QUOTE).raw(at.text).fraction(nanos).raw(Z_QUOTE);
    out.raw(ELAPSED).number(view.elapsedMillis());
    out.raw(SECTIONS);
    for (int i = 0; i < sections.size(); i++) {
      SectionView section = sections.get(i);
      if (i > 0) {
        out.raw(COMMA);
      }
      out.raw(KEY).string(section.key());
      out.raw(STATUS).string(section.status());
      out.raw(DATA).raw(data[i]);
      out.raw(SOURCE).string(section.source());
      out.raw(AGE).number(section.ageMillis());
      out.raw(ELAPSED).number(section.elapsedMillis());
      out.raw(ERROR).raw(errors[i]);
      out.raw(END_OBJECT);
    }
    out.raw(END_PAGE);
    return out.whole();
  }

  /**
   * The text of an instant's second as {@link Instant#toString} writes it, up to the fraction: made
   * once per second, so that a page writes only its instant's fraction.
   */
  private Second second(long epochSecond) {
    Second last = second;
    if (last.epochSecond != epochSecond) {
      String text = Instant.ofEpochSecond(epochSecond).toString();
      // Without the zone's Z: the fraction comes before it.
      last = new Second(epochSecond, ascii(text.substring(0, text.length() - 1)));
      second = last;
    }
    return last;
  }

  /** The length of a string as {@link Sink#string} writes it, quotes included. */
  private static int stringSize(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (escaped(text.charAt(i))) {
        return JsonStringEncoder.getInstance().quoteAsUTF8(text).length + 2;
      }
    }
    return text.length() + 2;
  }

  /** Whether a character is written other than as its one ASCII byte. */
  private static boolean escaped(char c) {
    return c < 0x20 || c > 0x7E || c == '"' || c == '\\';
  }

  /** The length of a number as {@link Sink#number} writes it. */
  private static int numberSize(long value) {
    if (value == Long.MIN_VALUE) {
      return 20;
    }
    return value < 0 ? 1 + digits(-value) : digits(value);
  }

  /** How many decimal digits a number that is not negative has. */
  private static int digits(long value) {
    int digits = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digits++;
    }
    return digits;
  }

  /**
   * The length of a fraction as {@link Sink#fraction} writes it, as {@link Instant#toString} does:
   * nothing for none, otherwise a point and three, six or nine digits, as few as say it exactly.
   */
  private static int fractionSize(int nanos) {
    if (nanos == 0) {
      return 0;
    }
    return nanos % 1_000_000 == 0 ? 4 : nanos % 1_000 == 0 ? 7 : 10;
  }

  /** The text of the second an instant was last written in, up to its fraction. */
  private static final class Second {
    final long epochSecond;
    final byte[] text;

    Second(long epochSecond, byte[] text) {
      this.epochSecond = epochSecond;
      this.text = text;
    }
  }

  // No instant has this second, so the first page makes the text.
  private volatile Second second = new Second(Long.MIN_VALUE, new byte[0]);

  private static final byte[] QUOTE = ascii("\"");
  private static final byte[] Z_QUOTE = ascii("Z\"");
  private static final byte[] USER_ID = ascii("{\"userId\":");
  private static final byte[] ASSEMBLED_AT = ascii(",\"assembledAt\":");
  private static final byte[] ELAPSED = ascii(",\"elapsedMillis\":");
  private static final byte[] SECTIONS = ascii(",\"sections\":[");
  private static final byte[] KEY = ascii("{\"key\":");
  private static final byte[] STATUS = ascii(",\"status\":");
  private static final byte[] DATA = ascii(",\"data\":");
  private static final byte[] SOURCE = ascii(",\"source\":");
  private static final byte[] AGE = ascii(",\"ageMillis\":");
  private static final byte[] ERROR = ascii(",\"error\":");
  private static final byte[] NULL = ascii("null");
  private static final byte[] COMMA = ascii(",");
  private static final byte[] END_OBJECT = ascii("}");
  private static final byte[] END_PAGE = ascii("]}");

  private static byte[] ascii(String text) {
    return text.getBytes(US_ASCII);
  }

  /** A value the mapper writes (rare on a page: a section's error), or {@code null}. */
  private byte[] written(@Nullable Object value) {
    if (value == null) {
      return NULL;
    }
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a page could not be written as JSON", e);
    }
  }

  /** A growing byte array that writes JSON strings and numbers as the mapper does. */
  private static final class Sink {
    private byte[] bytes;
    private int length;

    Sink(int capacity) {
      bytes = new byte[capacity];
    }

    Sink raw(byte[] more) {
      ensure(more.length);
      System.arraycopy(more, 0, bytes, length, more.length);
      length += more.length;
      return this;
    }

    /** Writes a quoted string; text other than printable ASCII is escaped by Jackson's rules. */
    Sink string(String text) {
      int n = text.length();
      for (int i = 0; i < n; i++) {
        if (escaped(text.charAt(i))) {
          ensure(2);
          bytes[length++] = '"';
          raw(JsonStringEncoder.getInstance().quoteAsUTF8(text));
          bytes[length++] = '"';
          return this;
        }
      }
      ensure(n + 2);
      bytes[length++] = '"';
      ascii(text);
      bytes[length++] = '"';
      return this;
    }

    /** Writes a number's digits in place, as {@code Long.toString} spells them. */
    Sink number(long value) {
      if (value < 0) {
        if (value == Long.MIN_VALUE) {
          String digits = Long.toString(value);
          ensure(digits.length());
          ascii(digits);
          return this;
        }
        ensure(1);
        bytes[length++] = '-';
        value = -value;
      }
      int digits = digits(value);
      ensure(digits);
      for (int i = length + digits - 1; i >= length; i--) {
        bytes[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      length += digits;
      return this;
    }

    /** Writes nanoseconds as {@link Instant#toString} does (see {@link #fractionSize}). */
    Sink fraction(int nanos) {
      if (nanos == 0) {
        return this;
      }
      int digits = fractionSize(nanos) - 1;
      int value = nanos / (digits == 3 ? 1_000_000 : digits == 6 ? 1_000 : 1);
      ensure(digits + 1);
      bytes[length++] = '.';
      for (int i = length + digits - 1; i >= length; i--) {
        bytes[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      length += digits;
      return this;
    }

    /** Copies text known to be ASCII, one byte per character, into room already ensured. */
    private void ascii(String text) {
      for (int i = 0, n = text.length(); i < n; i++) {
        bytes[length++] = (byte) text.charAt(i);
      }
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    /** The array, which must be full: it was made at the size measured for what was written. */
    byte[] whole() {
      if (length != bytes.length) {
        throw new IllegalStateException(
            "a page measured at " + bytes.length + " bytes took " + length);
      }
      return bytes;
    }
  }

  /**
   * Returns the page's weak validator, without the {@code W/} and quotes of the header form: a hash
   * of what the page says (whose page, and each section's name, data and error code), leaving out
   * what differs between two assemblies of the same content (status, source, age and timings). The
   * page's {@code ETag} and the event stream's event id are this value, so a client can match an
   * event to a page it fetched.
   */
  String tag(PageView view) {
    MessageDigest sha = sha256();
    sha.update(view.userId().getBytes(UTF_8));
    for (SectionView section : view.sections()) {
      sha.update((byte) 0);
      sha.update(section.key().getBytes(UTF_8));
      sha.update((byte) 0);
      if (section.data() instanceof Fragment fragment) {
        sha.update((byte) 1);
        fragment.hashInto(sha);
      } else {
        sha.update((byte) 2);
      }
      if (section.error() != null) {
        sha.update(section.error().code().getBytes(UTF_8));
      }
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 18));
  }

  private Fragment fragment(Object data) {
    return fragments.get(data, this::write);
  }

  private Fragment write(Object data) {
    byte[] utf8;
    try {
      utf8 = mapper.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("section data could not be written as JSON", e);
    }
    return new Fragment(utf8, sha256().digest(utf8));
  }

  /** A fresh SHA-256 digest, cloned from one looked up once: the lookup cost more than the hash. */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
    }
  }

  private static final MessageDigest SHA_256;

  static {
    try {
      SHA_256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
