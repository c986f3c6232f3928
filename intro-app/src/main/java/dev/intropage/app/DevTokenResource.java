package dev.intropage.app;

import dev.intropage.core.model.InvalidInputException;
import dev.intropage.core.model.UserId;
import dev.intropage.rest.security.TokenMinter;
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
public final class DevTokenResource {
  static final Duration TTL = Duration.ofMinutes(30);

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
  public Map<String, Object> mint(@Nullable TokenRequest request) {
    if (request == null || request.userId() == null) {
      throw new InvalidInputException("userId", "is required");
    }
    UserId user = UserId.of(request.userId());
    List<String> asked = request.roles();
    List<String> roles = asked == null ? List.of() : asked;
    return Map.of(
        "token",
        minter.mint(user.value(), Set.copyOf(roles), TTL),
        "expiresInSeconds",
        TTL.toSeconds());
  }
}
