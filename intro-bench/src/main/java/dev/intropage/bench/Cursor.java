package dev.intropage.bench;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Each benchmark thread's position in the user pool, starting at a random place, so consecutive
 * operations ask for different users (as Caffeine's {@code GetPutBenchmark} walks its keys).
 */
@State(Scope.Thread)
public class Cursor {
  private int index = ThreadLocalRandom.current().nextInt();

  /** Returns the next pool index, from 0 to {@link Users#MASK}. */
  int next() {
    return index++ & Users.MASK;
  }
}
