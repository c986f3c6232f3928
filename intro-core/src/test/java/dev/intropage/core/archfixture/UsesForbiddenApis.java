package dev.intropage.core.archfixture;

import java.sql.Connection;
import org.assertj.core.api.Assertions;

/** Breaks core's dependency rules on purpose, so that a test can see the rules bite. */
public final class UsesForbiddenApis {
  private UsesForbiddenApis() {}

  static boolean open(Connection connection) throws java.sql.SQLException {
    Assertions.assertThat(connection).isNotNull();
    return !connection.isClosed();
  }
}
