package dev.intropage.app;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@code GET /api/v1/dev/users}: the users a dev sign-in offers, {@code ada} and {@code grace}
 * first, at most {@value #MAX_USERS}. Registered only in dev mode, like {@link DevTokenResource},
 * so it exists only on loopback; no token needed.
 *
 * <p>Public only because JAX-RS invokes resource methods reflectively. Thread-safe.
 */
@Path("api/v1/dev/users")
@Tag(name = "service")
public final class DevUsersResource {
  /** The most users one answer lists. */
  static final int MAX_USERS = 50;

  private final IntFunction<List<DevUser>> users;

  /**
   * @param users returns at most the given number of users, in the order to offer them
   */
  DevUsersResource(IntFunction<List<DevUser>> users) {
    this.users = requireNonNull(users, "users");
  }

  /**
   * A user one may sign in as.
   *
   * @param userId the user's id, to send to {@code POST /api/v1/dev/token}
   * @param displayName the name to show
   */
  public record DevUser(String userId, String displayName) {}

  /**
   * The users a dev sign-in offers.
   *
   * @param users at most {@value #MAX_USERS}, {@code ada} and {@code grace} first
   */
  public record DevUsers(@ArraySchema(maxItems = MAX_USERS) List<DevUser> users) {}

  /** Returns the users to offer. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Demo users to sign in as (dev mode only)",
      description =
          "The users a dev sign-in offers, `ada` and `grace` first, at most 50. Exists only in dev"
              + " mode (no JWT key configured, loopback host); no token needed.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The users",
              content = @Content(schema = @Schema(implementation = DevUsers.class))))
  public DevUsers users() {
    List<DevUser> found = users.apply(MAX_USERS);
    return new DevUsers(List.copyOf(found.subList(0, Math.min(found.size(), MAX_USERS))));
  }
}
