/**
 * HTTP load tests of the standalone service: an open-model load generator ({@link
 * dev.intropage.bench.load.OpenLoad}), the service with a bare baseline endpoint ({@link
 * dev.intropage.bench.load.BaselineService}) and a bare Jersey server ({@link
 * dev.intropage.bench.load.BareJerseyServer}); run by {@code intro-bench/load/run.sh}, see {@code
 * docs/performance.md}.
 *
 * <p>Null-marked: parameters and results are never null unless annotated.
 */
@NullMarked
package dev.intropage.bench.load;

import org.jspecify.annotations.NullMarked;
