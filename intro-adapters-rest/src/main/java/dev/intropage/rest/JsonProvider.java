package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@code application/json} and every {@code +json} type with the contract's
 * mapper. A body that is not JSON, or does not fit the target record, becomes a 400 problem that
 * names the offending field. An empty body reads as {@code null}, which resources treat as absent.
 */
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE, "application/*+json"})
@Consumes({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE, "application/*+json"})
final class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
  private final ObjectMapper mapper;

  JsonProvider(ObjectMapper mapper) {
    this.mapper = requireNonNull(mapper, "mapper");
  }

  private static boolean json(MediaType mediaType) {
    String subtype = mediaType.getSubtype();
    return "json".equals(subtype) || subtype.endsWith("+json");
  }

  private static boolean plain(Class<?> type) {
    return type == byte[].class
        || type == String.class
        || InputStream.class.isAssignableFrom(type)
        || StreamingOutput.class.isAssignableFrom(type);
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return json(mediaType) && !plain(type);
  }

  @Override
  public @Nullable Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    PushbackInputStream body = new PushbackInputStream(entityStream, 1);
    int first = body.read();
    if (first == -1) {
      return null;
    }
    body.unread(first);
    try {
      return mapper.readValue(
          mapper.getFactory().createParser(body), mapper.constructType(genericType));
    } catch (UnrecognizedPropertyException e) {
      throw ProblemException.invalid(path(e, e.getPropertyName()), "unknown field");
    } catch (DatabindException e) {
      throw ProblemException.invalid(path(e, "body"), "does not have the expected type or value");
    } catch (JacksonException e) {
      throw ProblemException.invalid("body", "is not valid JSON");
    }
  }

  private static String path(DatabindException e, String fallback) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return fallback;
    }
    String path =
        mapping.getPath().stream()
            .map(
                reference ->
                    reference.getFieldName() != null
                        ? reference.getFieldName()
                        : String.valueOf(reference.getIndex()))
            .collect(Collectors.joining("."));
    return path.isEmpty() ? fallback : path;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return json(mediaType) && !plain(type);
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    try (JsonGenerator generator = mapper.getFactory().createGenerator(entityStream)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      mapper.writeValue(generator, value);
    }
  }
}
