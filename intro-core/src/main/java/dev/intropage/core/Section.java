package dev.intropage.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A section ready to register with {@link IntroPageEngine.Builder#section(Section)}: its key, the
 * source that loads it, its policy, and optionally a default value and a way to adapt a cached
 * value to the page that serves it.
 *
 * {@snippet :
 * Section<Weather> weather =
 *     Section.of(WEATHER, context -> forecasts.today(context.viewer()), SectionPolicy.defaults())
 *         .withFallback(context -> Weather.unknown());
 * }
 *
 * <p>Immutable and thread-safe; each {@code with} method returns a copy.
 *
 * @param <T> the type of the section's data
 */
public final class Section<T> {
  private final SectionKey<T> key;
  private final SectionSource<T> source;
  private final SectionPolicy policy;
  private final @Nullable Function<SectionContext, T> fallback;
  private final @Nullable BiFunction<T, SectionContext, T> servedAs;

  private Section(
      SectionKey<T> key,
      SectionSource<T> source,
      SectionPolicy policy,
      @Nullable Function<SectionContext, T> fallback,
      @Nullable BiFunction<T, SectionContext, T> servedAs) {
    this.key = requireNonNull(key, "key");
    this.source = requireNonNull(source, "source");
    this.policy = requireNonNull(policy, "policy");
    this.fallback = fallback;
    this.servedAs = servedAs;
  }

  /** Returns a section with no default value: failing with no last good value, it has no data. */
  public static <T> Section<T> of(
      SectionKey<T> key, SectionSource<T> source, SectionPolicy policy) {
    return new Section<>(key, source, policy, null, null);
  }

  /**
   * Returns a copy whose default value is made from the context when the section fails and has no
   * last good value; the default must be cheap and must not fail.
   */
  public Section<T> withFallback(Function<SectionContext, T> fallback) {
    return new Section<>(key, source, policy, requireNonNull(fallback, "fallback"), servedAs);
  }

  /** Returns a copy under another policy. */
  public Section<T> withPolicy(SectionPolicy policy) {
    return new Section<>(key, source, policy, fallback, servedAs);
  }

  /**
   * Returns a copy that adapts a value not fresh from its source (cached, last good or default) to
   * the page serving it, such as a greeting that depends on the hour; the function must be cheap.
   */
  public Section<T> servedAs(BiFunction<T, SectionContext, T> adapt) {
    return new Section<>(key, source, policy, fallback, requireNonNull(adapt, "adapt"));
  }

  /** Returns the section's key. */
  public SectionKey<T> key() {
    return key;
  }

  /** Returns the section's policy. */
  public SectionPolicy policy() {
    return policy;
  }

  /** Returns the source that loads the section. */
  public SectionSource<T> source() {
    return source;
  }

  Optional<Function<SectionContext, T>> fallback() {
    return Optional.ofNullable(fallback);
  }

  Optional<BiFunction<T, SectionContext, T>> adapter() {
    return Optional.ofNullable(servedAs);
  }

  @Override
  public String toString() {
    return "Section[" + key.name() + "]";
  }
}
