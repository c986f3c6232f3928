package dev.intropage.rest;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * One section's data as JSON in UTF-8, with the SHA-256 of those bytes: what {@link
 * SectionFragments} keeps, {@link PageTagger} hashes and {@link PageWriter} writes into a page with
 * {@link com.fasterxml.jackson.core.JsonGenerator#writeRawValue(SerializableString)}, which copies
 * the bytes as they are. The quoted forms, which a raw value never needs, are those of the JSON's
 * text as a string. Immutable.
 */
final class SectionFragment implements SerializableString {
  private final byte[] utf8;
  private final byte[] sha256;

  SectionFragment(byte[] utf8, byte[] sha256) {
    this.utf8 = utf8;
    this.sha256 = sha256;
  }

  /** The length of the JSON in bytes, what the fragment weighs in a cache. */
  int size() {
    return utf8.length;
  }

  /** Feeds the hash of the JSON's bytes to a digest. */
  void hashInto(MessageDigest digest) {
    digest.update(sha256);
  }

  @Override
  public String getValue() {
    return new String(utf8, UTF_8);
  }

  @Override
  public int charLength() {
    return getValue().length();
  }

  /** The bytes themselves, not a copy, as Jackson's own {@link SerializedString} gives them. */
  @Override
  public byte[] asUnquotedUTF8() {
    return utf8;
  }

  @Override
  public int appendUnquotedUTF8(byte[] buffer, int offset) {
    if (offset + utf8.length > buffer.length) {
      return -1;
    }
    System.arraycopy(utf8, 0, buffer, offset, utf8.length);
    return utf8.length;
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    out.write(utf8);
    return utf8.length;
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer out) {
    if (out.remaining() < utf8.length) {
      return -1;
    }
    out.put(utf8);
    return utf8.length;
  }

  @Override
  public int appendUnquoted(char[] buffer, int offset) {
    return text().appendUnquoted(buffer, offset);
  }

  @Override
  public char[] asQuotedChars() {
    return text().asQuotedChars();
  }

  @Override
  public byte[] asQuotedUTF8() {
    return text().asQuotedUTF8();
  }

  @Override
  public int appendQuotedUTF8(byte[] buffer, int offset) {
    return text().appendQuotedUTF8(buffer, offset);
  }

  @Override
  public int appendQuoted(char[] buffer, int offset) {
    return text().appendQuoted(buffer, offset);
  }

  @Override
  public int writeQuotedUTF8(OutputStream out) throws IOException {
    return text().writeQuotedUTF8(out);
  }

  @Override
  public int putQuotedUTF8(ByteBuffer out) throws IOException {
    return text().putQuotedUTF8(out);
  }

  private SerializedString text() {
    return new SerializedString(getValue());
  }

  @Override
  public String toString() {
    return getValue();
  }
}
