/**
 * JMH benchmarks of the intro page engine; run from {@code intro-bench/target/benchmarks.jar}, see
 * {@code docs/performance.md}.
 *
 * <p>Null-marked: parameters and results are never null unless annotated.
 */
@NullMarked
package dev.intropage.bench;

import org.jspecify.annotations.NullMarked;
