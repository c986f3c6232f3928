package dev.intropage.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadResultTest {
  @Test
  void percentilesAreNearestRank() {
    long[] sorted = new long[1000];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i + 1L;
    }
    assertThat(LoadResult.percentile(sorted, 50)).isEqualTo(500);
    assertThat(LoadResult.percentile(sorted, 99)).isEqualTo(990);
    assertThat(LoadResult.percentile(sorted, 99.9)).isEqualTo(999);
    assertThat(LoadResult.percentile(sorted, 100)).isEqualTo(1000);
    assertThat(LoadResult.percentile(new long[] {7}, 99.9)).isEqualTo(7);
    assertThat(LoadResult.percentile(new long[0], 50)).isZero();
  }
}
