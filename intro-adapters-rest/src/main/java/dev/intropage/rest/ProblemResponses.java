package dev.intropage.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The problem responses that several operations document alike, each declared once as an annotation
 * that an operation's method carries; the OpenAPI reader adds their responses to the operation's
 * own. A response that only one operation gives stays in that operation's annotation.
 */
final class ProblemResponses {
  private ProblemResponses() {}

  /** Every operation under {@code api/}: a missing or refused token, and an internal error. */
  @Retention(RUNTIME)
  @Target(METHOD)
  @ApiResponse(
      responseCode = "401",
      description = "No bearer token, or one the verifier refused",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "500",
      description = "Internal error; the problem carries an incident id that is also logged",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @interface Authenticated {}

  /** An operation for the page's owner or an operator. */
  @Retention(RUNTIME)
  @Target(METHOD)
  @ApiResponse(
      responseCode = "403",
      description = "The caller is neither the owner nor an `intro:admin`",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @interface OwnerOrAdmin {}

  /** An operation for the page's owner alone. */
  @Retention(RUNTIME)
  @Target(METHOD)
  @ApiResponse(
      responseCode = "403",
      description = "The caller is not the owner",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @interface OwnerOnly {}

  /** An operation for operators alone. */
  @Retention(RUNTIME)
  @Target(METHOD)
  @ApiResponse(
      responseCode = "403",
      description = "The caller is not an `intro:admin`",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @interface AdminOnly {}

  /** An operation that reads a user the engine must know. */
  @Retention(RUNTIME)
  @Target(METHOD)
  @ApiResponse(
      responseCode = "404",
      description = "Unknown user",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @interface UnknownUser {}

  /** An operation that reads a JSON body, under the body limit. */
  @Retention(RUNTIME)
  @Target(METHOD)
  @ApiResponse(
      responseCode = "413",
      description = "Body over 64 KiB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "415",
      description = "Content-Type is not application/json",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @interface JsonBody {}
}
