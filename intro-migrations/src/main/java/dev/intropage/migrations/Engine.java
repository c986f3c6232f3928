package dev.intropage.migrations;

import java.util.Locale;

/** The database engines the schema is written for. */
public enum Engine {
  /** SQLite 3.35 or newer (the first with {@code ALTER TABLE DROP COLUMN}). */
  SQLITE("sqlite"),
  /** PostgreSQL 14 or newer. */
  POSTGRESQL("postgresql"),
  /** Anything else: the runner reports it and refuses to migrate. */
  OTHER("other");

  private final String folder;

  Engine(String folder) {
    this.folder = folder;
  }

  /** The name of this engine's script folder, such as {@code sqlite}. */
  String folder() {
    return folder;
  }

  /** Returns the engine for a JDBC product name. */
  static Engine fromProductName(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.equals("sqlite")) {
      return SQLITE;
    }
    if (name.equals("postgresql")) {
      return POSTGRESQL;
    }
    return OTHER;
  }

  /** Returns whether a server version such as {@code 3.46.1} or {@code 14.22} is supported. */
  boolean supports(String serverVersion) {
    int[] parts = parse(serverVersion);
    return switch (this) {
      case SQLITE -> parts[0] > 3 || (parts[0] == 3 && parts[1] >= 35);
      case POSTGRESQL -> parts[0] >= 14;
      case OTHER -> false;
    };
  }

  private static int[] parse(String version) {
    int[] parts = new int[2];
    String[] tokens = version.trim().split("[^0-9]+", -1);
    int found = 0;
    for (String token : tokens) {
      if (found == 2) {
        break;
      }
      if (!token.isEmpty()) {
        parts[found++] = Integer.parseInt(token);
      }
    }
    return parts;
  }
}
