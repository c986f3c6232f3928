package dev.intropage.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keeps the JSON of section data, so that data the engine serves from its cache is written once. A
 * section served from the engine's cache has the same data object on every page until the entry is
 * refreshed, so its {@link SectionFragment} is made on first sight and reused while the object
 * lives.
 *
 * <p>Data is remembered by identity, weakly: an entry goes when the engine lets go of its object,
 * or when the bound on the bytes kept removes it. Section data must therefore not change after its
 * source returns it, which core's records guarantee and DESIGN asks of every section. Thread-safe.
 */
final class SectionFragments {
  /** The JSON kept for section data, at most, in bytes. */
  static final long MAX_REMEMBERED_BYTES = 32L * 1024 * 1024;

  private final ObjectMapper mapper;
  private final Cache<Object, SectionFragment> fragments =
      Caffeine.newBuilder()
          .weakKeys()
          .maximumWeight(MAX_REMEMBERED_BYTES)
          .<Object, SectionFragment>weigher((data, fragment) -> fragment.size())
          .build();

  SectionFragments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Returns the fragment of a section's data, written by the contract's mapper the first time the
   * object is seen.
   *
   * @throws IllegalStateException if the mapper cannot write the data
   */
  SectionFragment of(Object data) {
    return fragments.get(data, this::write);
  }

  private SectionFragment write(Object data) {
    byte[] utf8;
    try {
      utf8 = mapper.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("section data could not be written as JSON", e);
    }
    return new SectionFragment(utf8, sha256().digest(utf8));
  }

  /** A fresh SHA-256 digest, cloned from one looked up once, which is cheaper than a lookup. */
  static MessageDigest sha256() {
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
