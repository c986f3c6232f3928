package dev.intropage.rest;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.intropage.core.IntroPage;
import dev.intropage.rest.Views.PageView;
import dev.intropage.rest.Views.SectionView;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

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
  /** The JSON kept for section data, at most, in bytes (counted twice: text and UTF-8). */
  static final long MAX_REMEMBERED_BYTES = 32L * 1024 * 1024;

  private final ObjectMapper mapper;
  private final Cache<Object, Fragment> fragments =
      Caffeine.newBuilder()
          .weakKeys()
          .maximumWeight(MAX_REMEMBERED_BYTES)
          .<Object, Fragment>weigher((data, fragment) -> 2 * fragment.utf8().length)
          .build();

  PageJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The JSON of one section's data and its SHA-256; written into a page as it is. */
  @JsonSerialize(using = FragmentWriter.class)
  static final class Fragment {
    private final SerializedString json;
    private final byte[] sha256;

    Fragment(SerializedString json, byte[] sha256) {
      this.json = json;
      this.sha256 = sha256;
    }

    /** The JSON text, holding its UTF-8 bytes. */
    SerializedString json() {
      return json;
    }

    byte[] utf8() {
      return json.asUnquotedUTF8();
    }

    /** Feeds the hash of the JSON's UTF-8 bytes to a digest. */
    void hashInto(MessageDigest digest) {
      digest.update(sha256);
    }
  }

  /** Writes a fragment's bytes in place of the data. */
  static final class FragmentWriter extends StdSerializer<Fragment> {
    private static final long serialVersionUID = 1L;

    FragmentWriter() {
      super(Fragment.class);
    }

    @Override
    public void serialize(Fragment fragment, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeRawValue(fragment.json());
    }
  }

  /** Returns the page's view with every section's data as a {@link Fragment}. */
  PageView view(IntroPage page) {
    return PageView.of(page, this::fragment);
  }

  /** Returns the page as JSON. */
  byte[] bytes(PageView view) {
    try {
      return mapper.writeValueAsBytes(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a page could not be written as JSON", e);
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
    SerializedString json = new SerializedString(new String(utf8, UTF_8));
    json.asUnquotedUTF8(); // encoded once now, copied on every page
    return new Fragment(json, sha256().digest(utf8));
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
