package dev.intropage.app;

import static java.util.Objects.requireNonNull;

import dev.intropage.migrations.AppliedMigration;
import dev.intropage.migrations.Migration;
import dev.intropage.migrations.MigrationRunner;
import dev.intropage.migrations.MigrationStatus;
import dev.intropage.migrations.SchemaStatus;
import dev.intropage.rest.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/admin/migrations}: the schema's state and history for operators, read from the
 * database on each request. The REST adapter's filter has authenticated the caller; this resource
 * refuses anyone without {@code intro:admin}.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively. Thread-safe.
 */
@Path("api/v1/admin/migrations")
@Tag(name = "service")
@SecurityRequirement(name = "bearer")
public final class MigrationsResource {
  private static final String PROBLEM = "application/problem+json";
  private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  private final MigrationRunner migrations;

  MigrationsResource(MigrationRunner migrations) {
    this.migrations = requireNonNull(migrations, "migrations");
  }

  /**
   * The schema's state and history.
   *
   * @param state {@code UP} when current, {@code DEGRADED} with pending migrations, {@code DOWN}
   *     with drift, a failed migration or an unsupported engine
   * @param detail the state in words
   * @param engine the database engine
   * @param serverVersion the engine's version
   * @param currentVersion the version of the last applied migration; 0 for an empty schema
   * @param upToDate whether nothing is pending, drifted or failed on a supported engine
   * @param pending the migrations this build would apply, oldest first
   * @param drift why applied migrations differ from this build's scripts; empty when they match
   * @param history every versioned migration that ran, oldest first
   */
  public record MigrationsView(
      @Schema(allowableValues = {"UP", "DEGRADED", "DOWN"}) String state,
      String detail,
      String engine,
      String serverVersion,
      int currentVersion,
      boolean upToDate,
      List<PendingMigration> pending,
      List<String> drift,
      List<HistoryEntry> history) {}

  /**
   * A migration this build would apply.
   *
   * @param version the version it brings the schema to
   * @param description what it does
   * @param script its file name
   */
  public record PendingMigration(int version, String description, String script) {}

  /**
   * A migration that ran.
   *
   * @param version the version it brought the schema to
   * @param description what it does
   * @param script its file name
   * @param installedAt when it ran
   * @param success whether it succeeded
   */
  public record HistoryEntry(
      int version, String description, String script, Instant installedAt, boolean success) {}

  /** Returns the schema's state and history; 403 for anyone but an operator. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Schema migration status and history",
      description =
          "The schema's state (UP, DEGRADED with pending migrations, DOWN with drift or a failed"
              + " migration), its version, the pending migrations and the history of every"
              + " migration that ran, read from the database. For `intro:admin` only.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The schema's state and history",
            content = @Content(schema = @Schema(implementation = MigrationsView.class))),
        @ApiResponse(
            responseCode = "401",
            description = "No bearer token, or one the verifier refused",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA))),
        @ApiResponse(
            responseCode = "403",
            description = "The caller is not an `intro:admin`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA))),
        @ApiResponse(
            responseCode = "500",
            description = "The database cannot be read; the problem carries an incident id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
      })
  public MigrationsView migrations(@Context SecurityContext security) {
    if (!security.isUserInRole(Caller.ADMIN)) {
      throw new ForbiddenException();
    }
    MigrationStatus status = migrations.status();
    SchemaStatus schema = SchemaStatus.of(status);
    List<AppliedMigration> history = migrations.history();
    return new MigrationsView(
        schema.component().state().name(),
        schema.component().detail(),
        status.engine().name(),
        status.serverVersion(),
        status.currentVersion(),
        status.upToDate(),
        status.pending().stream().map(MigrationsResource::pending).toList(),
        status.drift(),
        history.stream()
            .map(
                row ->
                    new HistoryEntry(
                        row.version(),
                        row.description(),
                        row.script(),
                        row.installedAt(),
                        row.success()))
            .toList());
  }

  private static PendingMigration pending(Migration migration) {
    return new PendingMigration(migration.version(), migration.description(), migration.script());
  }
}
