package dev.intropage.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.intropage.rest.Views.PageView;
import dev.intropage.rest.Views.SectionView;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Writes a page as JSON, byte for byte what the contract's mapper writes for its view: the envelope
 * with Jackson's streaming generator, each section's data as its {@link SectionFragment}, copied in
 * raw, so that a page whose data is already written costs no walk over its records. Writes the page
 * resource's entity straight to the response, and a page as bytes for the event streams.
 * Thread-safe.
 */
@Produces(MediaType.APPLICATION_JSON)
final class PageWriter implements MessageBodyWriter<PageJson.Tagged> {
  private static final SerializableString USER_ID = new SerializedString("userId");
  private static final SerializableString ASSEMBLED_AT = new SerializedString("assembledAt");
  private static final SerializableString ELAPSED = new SerializedString("elapsedMillis");
  private static final SerializableString SECTIONS = new SerializedString("sections");
  private static final SerializableString KEY = new SerializedString("key");
  private static final SerializableString STATUS = new SerializedString("status");
  private static final SerializableString DATA = new SerializedString("data");
  private static final SerializableString SOURCE = new SerializedString("source");
  private static final SerializableString AGE = new SerializedString("ageMillis");
  private static final SerializableString ERROR = new SerializedString("error");

  private final ObjectMapper mapper;

  /** Writes what is not a fragment (a section's error) into the page without flushing it. */
  private final ObjectWriter values;

  PageWriter(ObjectMapper mapper) {
    this.mapper = mapper;
    this.values = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == PageJson.Tagged.class;
  }

  @Override
  public void writeTo(
      PageJson.Tagged page,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    // Whole, then in one write: the generator hands large fragments to its stream on their own,
    // and the container would send each such write as a piece of its own.
    buffered(page.view()).writeTo(entityStream);
  }

  /** Returns the page as JSON in UTF-8. */
  byte[] bytes(PageView view) {
    try {
      return buffered(view).toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("a page could not be written as JSON", e);
    }
  }

  private ByteArrayOutputStream buffered(PageView view) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint(view));
    write(view, out);
    return out;
  }

  /** About the page's size: its fragments and room for the rest, so the buffer seldom grows. */
  private static int sizeHint(PageView view) {
    int size = ENVELOPE_ROOM;
    for (SectionView section : view.sections()) {
      size += ENVELOPE_ROOM;
      if (section.data() instanceof SectionFragment fragment) {
        size += fragment.size();
      }
    }
    return size;
  }

  /** Room for the page's own fields, and for each section's besides its data. */
  private static final int ENVELOPE_ROOM = 192;

  /** Writes the page to a stream and leaves it open and unflushed. */
  private void write(PageView view, OutputStream out) throws IOException {
    try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      json.writeStartObject();
      json.writeFieldName(USER_ID);
      json.writeString(view.userId());
      json.writeFieldName(ASSEMBLED_AT);
      // As the contract's mapper writes an instant: ISO-8601, which is Instant#toString.
      json.writeString(view.assembledAt().toString());
      json.writeFieldName(ELAPSED);
      json.writeNumber(view.elapsedMillis());
      json.writeFieldName(SECTIONS);
      json.writeStartArray();
      for (SectionView section : view.sections()) {
        json.writeStartObject();
        json.writeFieldName(KEY);
        json.writeString(section.key());
        json.writeFieldName(STATUS);
        json.writeString(section.status());
        json.writeFieldName(DATA);
        value(json, section.data());
        json.writeFieldName(SOURCE);
        json.writeString(section.source());
        json.writeFieldName(AGE);
        json.writeNumber(section.ageMillis());
        json.writeFieldName(ELAPSED);
        json.writeNumber(section.elapsedMillis());
        json.writeFieldName(ERROR);
        value(json, section.error());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private void value(JsonGenerator json, @Nullable Object value) throws IOException {
    if (value instanceof SectionFragment fragment) {
      json.writeRawValue(fragment);
    } else if (value == null) {
      json.writeNull();
    } else {
      values.writeValue(json, value);
    }
  }
}
