package dev.intropage.app;

import dev.intropage.app.config.AuthMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * {@code GET /api/v1/session}: how callers sign in to this service, so that a page knows which
 * sign-in to offer. Open to anyone; it says nothing about the caller.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively. Thread-safe.
 */
@Path("api/v1/session")
@Tag(name = "service")
public final class SessionResource {
  private final Session session;

  SessionResource(AuthMode mode) {
    this.session = new Session(mode.name().toLowerCase(Locale.ROOT));
  }

  /**
   * How callers sign in.
   *
   * @param authMode {@code dev}: tokens from {@code POST /api/v1/dev/token}; {@code jwt}: tokens
   *     from the host's auth system
   */
  public record Session(@Schema(allowableValues = {"dev", "jwt"}) String authMode) {}

  /** Returns {@code {"authMode": "dev"}} or {@code {"authMode": "jwt"}}. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "How to sign in",
      description =
          "`dev`: the service mints tokens for the demo users itself (`GET /api/v1/dev/users`,"
              + " `POST /api/v1/dev/token`); `jwt`: tokens come from the host's auth system. No"
              + " token needed.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The sign-in mode",
              content = @Content(schema = @Schema(implementation = Session.class))))
  public Session session() {
    return session;
  }
}
