package dev.intropage.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intropage.core.IntroPage;
import dev.intropage.rest.Views.PageView;

/**
 * A page's JSON form as the page resource and the event streams share it: one {@link PageTagger}
 * over one {@link SectionFragments}, so that both reuse the same written data, and one {@link
 * PageWriter}. Thread-safe.
 */
final class PageJson {
  private final PageTagger tagger;
  private final PageWriter writer;

  PageJson(ObjectMapper mapper) {
    this.tagger = new PageTagger(new SectionFragments(mapper));
    this.writer = new PageWriter(mapper);
  }

  /**
   * A page with its view, whose section data are fragments, and its weak validator.
   *
   * @param page the page as the engine assembled it
   * @param view the page as the JSON contract says it
   * @param tag the validator, without the {@code W/} and quotes of the header form
   */
  record Tagged(IntroPage page, PageView view, String tag) {}

  /** Returns the page with its view and validator (see {@link PageTagger#tagged}). */
  Tagged tagged(IntroPage page) {
    return tagger.tagged(page);
  }

  /** Returns a view as JSON in UTF-8 (see {@link PageWriter}). */
  byte[] bytes(PageView view) {
    return writer.bytes(view);
  }

  PageTagger tagger() {
    return tagger;
  }

  PageWriter writer() {
    return writer;
  }
}
