package dev.intropage.jdbc.archfixture;

import dev.intropage.rest.Caller;
import java.util.Set;
import org.eclipse.jetty.server.Server;

/** Breaks two rules on purpose (a JDBC class using the REST adapter and the HTTP container). */
public final class JdbcUsesJettyAndRest {
  private JdbcUsesJettyAndRest() {}

  /** Reaches where it must not. */
  public static Object misuse() {
    return new Caller(new Server().toString(), Set.of());
  }
}
