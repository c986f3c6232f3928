package dev.intropage.rest;

import dev.intropage.core.RequiredSectionUnavailableException;
import dev.intropage.core.UnknownUserException;
import dev.intropage.core.model.InvalidInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Answers every exception with a problem detail: the adapter's own problems as they were decided,
 * core's exceptions by their meaning, JAX-RS's own (404, 405, 406, 415 ...) with their status, and
 * anything else as a 500 that carries only a random incident id, logged with the stack trace.
 */
final class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());

  @Context private @Nullable UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable failure) {
    String path = uriInfo == null ? "" : uriInfo.getRequestUri().getRawPath();
    if (failure instanceof ProblemException problem) {
      return Problems.response(problem, path);
    }
    if (failure instanceof InvalidInputException invalid) {
      return Problems.response(ProblemException.invalid(invalid.field(), invalid.reason()), path);
    }
    if (failure instanceof UnknownUserException unknown) {
      return Problems.response(
          new ProblemException(
              404, "unknown-user", "Unknown user", "No user '" + unknown.userId() + "'."),
          path);
    }
    if (failure instanceof RequiredSectionUnavailableException unavailable) {
      return Problems.sectionUnavailable(unavailable, path);
    }
    if (failure instanceof InvalidTokenException invalidToken) {
      return Problems.response(
          Problems.invalidToken(String.valueOf(invalidToken.getMessage())), path);
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return fromJaxRs(web.getResponse(), path);
    }
    return incident(failure, path);
  }

  private static Response fromJaxRs(Response original, String path) {
    int status = original.getStatus();
    if (status == 403) {
      // A host resource's refusal reads as the adapter's own.
      return Problems.response(Problems.forbidden(), path);
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "HTTP " + status : type.getReasonPhrase();
    String kind =
        switch (status) {
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          case 406 -> "not-acceptable";
          case 413 -> "payload-too-large";
          case 415 -> "unsupported-media-type";
          default -> "http-" + status;
        };
    String detail =
        switch (status) {
          case 404 -> "There is nothing at this path.";
          case 405 -> "This path does not accept the method; see the Allow header.";
          case 406 -> "This path cannot answer in any media type the Accept header allows.";
          case 415 -> "This path does not accept the request's Content-Type.";
          default -> title + ".";
        };
    Map<String, String> carried =
        original.getHeaderString(HttpHeaders.ALLOW) == null
            ? Map.of()
            : Map.of(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
    return Problems.response(
        new ProblemException(status, kind, title, detail, List.of(), carried), path);
  }

  private Response incident(Throwable failure, String path) {
    String incident = UUID.randomUUID().toString();
    String requestId = RequestIdFilter.current();
    LOG.log(
        Level.ERROR,
        "incident " + incident + " on " + path + " (request " + requestId + ")",
        failure);
    return Problems.incident(incident, path);
  }
}
