package dev.intropage.core;

/**
 * Loads one section's data; the engine calls it on a virtual thread under the section's policy.
 *
 * <p>A source should stop promptly when its thread is interrupted (at its timeout or the page
 * deadline): blocking JDK calls such as socket reads on virtual threads, {@code Thread.sleep} and
 * {@code BlockingQueue.take} do.
 *
 * @param <T> the type of the section's data
 */
@FunctionalInterface
public interface SectionSource<T> {
  /**
   * Returns the section's data for the viewer in the context; never null.
   *
   * @throws Exception if the data cannot be loaded; the engine falls back
   */
  T load(SectionContext context) throws Exception;
}
