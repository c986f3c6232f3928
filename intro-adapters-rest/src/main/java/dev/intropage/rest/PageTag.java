package dev.intropage.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The weak validator of a page: a hash of what the page says, leaving out what differs between two
 * assemblies of the same content (status, source, age and timings). The event stream compares it to
 * decide whether a re-assembled page is worth sending, and sends it as the event id.
 *
 * <p>Computes exactly what {@code IntroPageResource} puts in the page's {@code ETag} (a test holds
 * the two together), so that a client can match an event to a page it fetched.
 */
final class PageTag {
  private PageTag() {}

  /** Returns the validator of the page, without the {@code W/} and quotes of the header form. */
  static String of(Views.PageView view, ObjectMapper mapper) {
    List<Object> content = new ArrayList<>();
    content.add(view.userId());
    for (Views.SectionView section : view.sections()) {
      content.add(
          Arrays.asList(
              section.key(),
              section.data(),
              section.error() == null ? null : section.error().code()));
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(mapper.writeValueAsBytes(content));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a page could not be written as JSON", e);
    }
  }
}
