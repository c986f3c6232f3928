package dev.intropage.migrations;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Where the database's schema stands, as read by {@link MigrationRunner#status()}.
 *
 * @param engine the database engine
 * @param serverVersion the engine's version, as the server reports it
 * @param supported whether this engine and version are supported (SQLite 3.35+, PostgreSQL 14+)
 * @param currentVersion the version of the last applied migration; 0 for an empty schema
 * @param applied the applied migrations, oldest first
 * @param pending the migrations this build would apply, oldest first
 * @param drift why the applied migrations differ from this build's scripts (changed checksums,
 *     missing scripts); empty when they match
 * @param failed whether the history records a failed migration
 */
public record MigrationStatus(
    Engine engine,
    String serverVersion,
    boolean supported,
    int currentVersion,
    List<Migration> applied,
    List<Migration> pending,
    List<String> drift,
    boolean failed) {

  /** Validates the status and copies the lists. */
  public MigrationStatus {
    requireNonNull(engine, "engine");
    requireNonNull(serverVersion, "serverVersion");
    applied = List.copyOf(applied);
    pending = List.copyOf(pending);
    drift = List.copyOf(drift);
    if (currentVersion < 0) {
      throw new IllegalArgumentException("currentVersion must not be negative");
    }
  }

  /** Returns whether the schema is current: supported, nothing pending, no drift, no failure. */
  public boolean upToDate() {
    return supported && pending.isEmpty() && drift.isEmpty() && !failed;
  }

  /** Returns the schema version as text, such as {@code "6"}, or empty for an empty schema. */
  public Optional<String> schemaVersion() {
    return currentVersion == 0 ? Optional.empty() : Optional.of(Integer.toString(currentVersion));
  }
}
