package dev.intropage.app;

import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.security.TokenMinter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/dev/token}: mints a short-lived token for any user, signed with the process's
 * random secret. Registered only in dev mode, which is only allowed on loopback.
 */
@Path("api/v1/dev/token")
@Tag(name = "service", description = "Endpoints of the standalone service, not of the library.")
public final class DevTokenResource {
  static final Duration TTL = Duration.ofMinutes(30);

  /** The most roles a dev token may carry. */
  static final int MAX_ROLES = 16;

  /** The longest role name a dev token may carry. */
  static final int MAX_ROLE_LENGTH = 64;

  private final TokenMinter minter;

  DevTokenResource(TokenMinter minter) {
    this.minter = minter;
  }

  /** What to mint a token for. */
  public record TokenRequest(@Nullable String userId, @Nullable List<String> roles) {}

  /** Returns {@code {"token": ..., "expiresInSeconds": ...}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Mint a dev token (dev mode only)",
      description =
          "Mints a 30-minute bearer token for any user and roles, signed with the process's random"
              + " secret. Exists only in dev mode (no JWT key configured, loopback host); no token"
              + " needed.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description = "The user id and, optionally, roles such as `intro:admin`.",
              content = @Content(schema = @Schema(implementation = TokenRequest.class))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "`token` and `expiresInSeconds`",
            content = @Content(schema = @Schema(type = "object"))),
        @ApiResponse(
            responseCode = "400",
            description = "Missing or invalid user id or roles, or malformed JSON",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem"))),
        @ApiResponse(
            responseCode = "415",
            description = "Content-Type is not application/json",
            content =
                @Content(
                    mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
      })
  public Map<String, Object> mint(@Nullable TokenRequest request) {
    if (request == null || request.userId() == null) {
      throw new InvalidInputException("userId", "is required");
    }
    UserId user = UserId.of(request.userId());
    List<String> asked = request.roles();
    List<String> roles = asked == null ? List.of() : asked;
    if (roles.size() > MAX_ROLES) {
      throw new InvalidInputException("roles", "must be at most " + MAX_ROLES);
    }
    for (String role : roles) {
      if (role == null || role.isBlank() || role.length() > MAX_ROLE_LENGTH) {
        throw new InvalidInputException(
            "roles", "must be names of 1 to " + MAX_ROLE_LENGTH + " characters, not blank");
      }
    }
    return Map.of(
        "token",
        minter.mint(user.value(), Set.copyOf(roles), TTL),
        "expiresInSeconds",
        TTL.toSeconds());
  }
}
