package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import org.junit.jupiter.api.Test;

/**
 * The contract's mapper shares its write buffers between threads: requests run on a new virtual
 * thread each, so Jackson's default per-thread recycling would hand no buffer back and every page
 * would allocate fresh ones.
 */
class JsonRecyclingTest {
  @Test
  void mapper_buffersReleasedOnOneVirtualThread_areReusedOnAnother() throws Exception {
    RecyclerPool<BufferRecycler> pool = Json.mapper().getFactory()._getRecyclerPool();
    BufferRecycler[] seen = new BufferRecycler[2];

    Thread.ofVirtual()
        .start(
            () -> {
              seen[0] = pool.acquireAndLinkPooled();
              seen[0].releaseToPool();
            })
        .join();
    Thread.ofVirtual().start(() -> seen[1] = pool.acquireAndLinkPooled()).join();

    assertThat(seen[1]).isSameAs(seen[0]);
  }
}
