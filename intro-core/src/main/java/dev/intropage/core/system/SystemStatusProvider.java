package dev.intropage.core.system;

import java.time.Instant;

/** Reports the state of the host system; the system overview's only port. */
@FunctionalInterface
public interface SystemStatusProvider {
  /** Returns what the system knows about itself at the given moment. */
  SystemSnapshot snapshot(Instant now);
}
