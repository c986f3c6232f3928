package dev.intropage.rest;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.intropage.core.model.UserId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON contract's one mapper: camelCase record components, {@code Optional} as the value or
 * {@code null}, instants as ISO-8601 strings, durations as ISO-8601 strings ({@code "PT3H"}; our
 * own DTOs carry timings as {@code ...Millis} numbers instead), locales as BCP 47 tags, user ids as
 * plain strings, sets and map keys in sorted order (so equal values serialize to equal bytes, which
 * the page's ETag relies on), and unknown properties rejected.
 */
final class Json {
  private Json() {}

  /** Returns a new mapper configured for the contract; thread-safe once built. */
  static ObjectMapper mapper() {
    SimpleModule contract = new SimpleModule("intro-page-contract");
    contract.setMixInAnnotation(UserId.class, UserIdMixin.class);
    contract.addSerializer(Locale.class, new LocaleSerializer());
    contract.addSerializer(new SortedSetSerializer());
    // One pool of write buffers shared by all threads: Jackson's default pool is per thread, and
    // each request runs on a new virtual thread, so a per-thread pool would never hand one back.
    JsonFactory factory =
        JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
    return JsonMapper.builder(factory)
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(contract)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
  }

  /** Writes a {@link UserId} as its value, not as an object. */
  abstract static class UserIdMixin {
    @JsonValue
    abstract String value();
  }

  /** Writes a locale as its BCP 47 tag ({@code en-GB}), not Java's {@code en_GB}. */
  static final class LocaleSerializer extends StdSerializer<Locale> {
    private static final long serialVersionUID = 1L;

    LocaleSerializer() {
      super(Locale.class);
    }

    @Override
    public void serialize(Locale value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(value.toLanguageTag());
    }
  }

  /** Writes a set's elements sorted when they are comparable with each other, else as they come. */
  @SuppressWarnings({"rawtypes", "unchecked"}) // a set's elements are sorted only if they compare
  static final class SortedSetSerializer extends StdSerializer<Set> {
    private static final long serialVersionUID = 1L;

    SortedSetSerializer() {
      super(Set.class);
    }

    @Override
    public void serialize(Set value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      List<Object> items = new ArrayList<>(value);
      try {
        items.sort(null);
      } catch (ClassCastException notComparable) {
        items = new ArrayList<>(value);
      }
      generator.writeStartArray(value, items.size());
      for (Object item : items) {
        provider.defaultSerializeValue(item, generator);
      }
      generator.writeEndArray();
    }
  }
}
