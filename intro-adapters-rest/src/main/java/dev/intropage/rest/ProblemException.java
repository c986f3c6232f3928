package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import java.io.Serial;
import java.util.List;
import java.util.Map;

/**
 * An error the adapter answers with a problem detail: the status, the kind and the words, decided
 * where the error is found. Carries no stack trace; it is an answer, not a bug.
 */
final class ProblemException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final int status;
  private final String kind;
  private final String title;
  private final transient List<Problem.FieldProblem> errors;
  private final transient Map<String, String> headers;

  ProblemException(
      int status,
      String kind,
      String title,
      String detail,
      List<Problem.FieldProblem> errors,
      Map<String, String> headers) {
    super(requireNonNull(detail, "detail"), null, false, false);
    this.status = status;
    this.kind = requireNonNull(kind, "kind");
    this.title = requireNonNull(title, "title");
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  ProblemException(int status, String kind, String title, String detail) {
    this(status, kind, title, detail, List.of(), Map.of());
  }

  /** A 400 about one input. */
  static ProblemException invalid(String field, String reason) {
    return new ProblemException(
        400,
        "validation",
        "Invalid input",
        field + ": " + reason,
        List.of(new Problem.FieldProblem(field, reason)),
        Map.of());
  }

  int status() {
    return status;
  }

  String kind() {
    return kind;
  }

  String title() {
    return title;
  }

  String detail() {
    return requireNonNull(getMessage());
  }

  List<Problem.FieldProblem> errors() {
    return errors;
  }

  Map<String, String> headers() {
    return headers;
  }
}
