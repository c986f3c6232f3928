package dev.intropage.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The adapter contract on a SQLite file. */
class SqliteAdapterTest extends AdapterContract {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir.resolve("intro.db"));
  }
}
