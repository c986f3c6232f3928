package dev.intropage.rest;

import dev.intropage.core.RequiredSectionUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem responses and the problems the adapter raises in more than one place. */
final class Problems {
  private Problems() {}

  static Response response(ProblemException problem, String path) {
    List<Problem.FieldProblem> errors = problem.errors();
    Problem body =
        new Problem(
            Problem.TYPE_BASE + problem.kind(),
            problem.title(),
            problem.status(),
            problem.detail(),
            path,
            errors.isEmpty() ? null : errors,
            null,
            null,
            null);
    Response.ResponseBuilder response =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body);
    problem.headers().forEach(response::header);
    return response.build();
  }

  static Response sectionUnavailable(RequiredSectionUnavailableException failure, String path) {
    Problem body =
        new Problem(
            Problem.TYPE_BASE + "section-unavailable",
            "Required section unavailable",
            503,
            failure.error().message(),
            path,
            null,
            null,
            failure.section(),
            failure.status().name());
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .entity(body)
        .build();
  }

  static Response incident(String incidentId, String path) {
    Problem body =
        new Problem(
            Problem.TYPE_BASE + "internal",
            "Internal error",
            500,
            "Something went wrong on our side. Quote the incident id when you report it.",
            path,
            null,
            incidentId,
            null,
            null);
    return Response.serverError().type(Problem.MEDIA_TYPE).entity(body).build();
  }

  /** 401 for a request without a bearer token. */
  static ProblemException missingToken() {
    return new ProblemException(
        401,
        "unauthorized",
        "Unauthorized",
        "This path needs an Authorization: Bearer token.",
        List.of(),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
  }

  /** 401 for a bearer token the verifier refused. */
  static ProblemException invalidToken(String reason) {
    return new ProblemException(
        401,
        "unauthorized",
        "Unauthorized",
        "The bearer token is not acceptable: " + reason,
        List.of(),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
  }

  static ProblemException forbidden() {
    return new ProblemException(
        403, "forbidden", "Forbidden", "The caller may not do this on this page.");
  }

  static ProblemException notImplemented(String what) {
    return new ProblemException(
        501, "not-implemented", "Not implemented", what + " is not configured on this server.");
  }

  static ProblemException tooLarge(long limit) {
    return new ProblemException(
        413,
        "payload-too-large",
        "Payload too large",
        "The request body is larger than " + limit + " bytes.");
  }
}
