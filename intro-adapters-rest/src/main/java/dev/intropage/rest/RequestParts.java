package dev.intropage.rest;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What several resources read from a request alike, with its documentation: the user id in the
 * path, the {@code Idempotency-Key} of a change and a change's required body.
 */
final class RequestParts {
  private RequestParts() {}

  static final String USER_ID_DESCRIPTION =
      "The page's owner: an opaque id of 1 to 128 characters of `[A-Za-z0-9._@:-]`; `metrics` and"
          + " `cache` are reserved.";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String IDEMPOTENCY_DESCRIPTION =
      "1 to 255 visible ASCII characters, unique per change: a retry with the same key and request"
          + " gets the first answer, the same key with another request 422.";
  private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /**
   * Returns the change's idempotency key.
   *
   * @throws ProblemException 400 when it is missing or not 1 to 255 visible ASCII characters
   */
  static String idempotencyKey(@Nullable String key) {
    if (key == null || !SANE_KEY.matcher(key).matches()) {
      throw ProblemException.invalid(
          IDEMPOTENCY_KEY, "is required: 1 to 255 visible ASCII characters, unique per change");
    }
    return key;
  }

  /**
   * Returns the body of a change.
   *
   * @throws ProblemException 400 when there is none
   */
  static <T> T requireBody(@Nullable T body) {
    if (body == null) {
      throw ProblemException.invalid("body", "is required");
    }
    return body;
  }

  /** The 422 of a key that was used for a different request. */
  static ProblemException keyReused() {
    return new ProblemException(
        422,
        "idempotency-key-reused",
        "Idempotency key reused",
        "This Idempotency-Key was used for a different request; use a new key for a new change.",
        List.of(new Problem.FieldProblem(IDEMPOTENCY_KEY, "was used for a different request")),
        Map.of());
  }
}
