package dev.intropage.jdbc;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The adapter contract on an embedded PostgreSQL server, a fresh database per test. */
class PostgresAdapterTest extends AdapterContract {
  private static TestDatabase.Postgres server;

  @BeforeAll
  static void startServer() {
    server = new TestDatabase.Postgres();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Override
  TestDatabase newDatabase() {
    return server.newDatabase();
  }
}
