package dev.intropage.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem, under {@value #TYPE_BASE}
 * @param title a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time, in plain words
 * @param instance the path of the request
 * @param errors the offending inputs, when the problem is about input
 * @param incidentId the id under which an internal error was logged
 * @param section the required section that had no usable value
 * @param sectionStatus what happened to that section
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Problem",
    description =
        "An RFC 9457 problem detail. `errors` names offending inputs; `incidentId` is logged with"
            + " a 500; `section` and `sectionStatus` name the required section behind a 503.",
    requiredProperties = {"type", "title", "status", "detail", "instance"})
record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    @Nullable List<FieldProblem> errors,
    @Nullable String incidentId,
    @Nullable String section,
    @Nullable String sectionStatus) {

  /** Where problem type URIs live. */
  static final String TYPE_BASE = "https://intropage.dev/problems/";

  /** The media type of problem details. */
  static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One offending input.
   *
   * @param field the input's name, as the client spelled it (a JSON property, header or parameter)
   * @param reason what is wrong with it
   */
  record FieldProblem(String field, String reason) {}
}
