package dev.intropage.bench.load;

import dev.intropage.rest.security.TokenMinter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Prints {@code user token} lines for the demo users {@code user-00001} to {@code user-N}, signed
 * like {@code java -jar intro-app.jar token --user ...} (HS256 with {@code INTRO_AUTH_JWT_SECRET},
 * no roles, one hour), but in one JVM: the load tests need a pool of users, and a JVM per token
 * would take minutes.
 *
 * <pre>
 * INTRO_AUTH_JWT_SECRET=... java -cp benchmarks.jar dev.intropage.bench.load.MintTokens 1000
 * </pre>
 */
public final class MintTokens {
  private MintTokens() {}

  public static void main(String[] args) {
    String secret = System.getenv("INTRO_AUTH_JWT_SECRET");
    if (secret == null || args.length != 1) {
      System.err.println("usage: INTRO_AUTH_JWT_SECRET=... MintTokens <number of users>");
      System.exit(2);
      return;
    }
    int users = Integer.parseInt(args[0]);
    TokenMinter minter =
        TokenMinter.hs256(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (int u = 1; u <= users; u++) {
      String user = String.format(Locale.ROOT, "user-%05d", u);
      out.println(user + " " + minter.mint(user, Set.of(), Duration.ofHours(1)));
    }
    out.flush();
  }
}
