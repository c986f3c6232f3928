package dev.intropage.rest;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A page as an event stream sends it: its validator (the page endpoint's ETag value), its JSON and
 * the sections it shows, which decide whether a section-wide invalidation concerns the stream.
 *
 * @param tag the page's validator; a stream sends a page only when this changed
 * @param json the page as the page endpoint serves it
 * @param sections the keys of the sections on the page
 */
record StreamedPage(String tag, String json, Set<String> sections) {
  StreamedPage {
    requireNonNull(tag, "tag");
    requireNonNull(json, "json");
    sections = Set.copyOf(sections);
  }
}
