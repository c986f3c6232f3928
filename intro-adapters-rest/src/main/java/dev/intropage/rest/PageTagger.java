package dev.intropage.rest;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.intropage.core.IntroPage;
import dev.intropage.rest.Views.ErrorView;
import dev.intropage.rest.Views.PageView;
import dev.intropage.rest.Views.SectionView;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Makes a page's view, with every section's data as its {@link SectionFragment}, and the page's
 * weak validator. Each user's last page is remembered: when the next one says the same, by the
 * identity of its data, its validator is reused rather than hashed again. Thread-safe.
 */
final class PageTagger {
  private final SectionFragments fragments;

  /**
   * Each user's last page, bounded by the bytes of its fragments; holding a user's data until their
   * next page, or until the bound removes it, is the price of reusing the validator.
   */
  private final Cache<String, Written> lastPages =
      Caffeine.newBuilder()
          .maximumWeight(SectionFragments.MAX_REMEMBERED_BYTES)
          .<String, Written>weigher((user, written) -> written.weight)
          .build();

  PageTagger(SectionFragments fragments) {
    this.fragments = fragments;
  }

  /**
   * Returns the page with its view and its validator (see {@link #tag}). The fragments of the
   * user's previous page are tried first, by identity and in order: on a page served from the
   * engine's cache they are all still current, and comparing references costs less than a lookup
   * among every user's data.
   */
  PageJson.Tagged tagged(IntroPage page) {
    String user = page.user().value();
    Written previous = lastPages.getIfPresent(user);
    Writing writing = new Writing(previous, page.sections().size());
    PageView view = PageView.of(page, writing);
    if (previous != null && !writing.changed() && previous.saysWhat(view)) {
      return new PageJson.Tagged(page, view, previous.tag);
    }
    String tag = tag(view);
    lastPages.put(user, writing.written(view.sections(), tag));
    return new PageJson.Tagged(page, view, tag);
  }

  /**
   * Returns the page's weak validator, without the {@code W/} and quotes of the header form: a hash
   * of what the page says (whose page, and each section's name, data and error code), leaving out
   * what differs between two assemblies of the same content (status, source, age and timings). The
   * page's {@code ETag} and the event stream's event id are this value, so a client can match an
   * event to a page it fetched.
   */
  static String tag(PageView view) {
    MessageDigest sha = SectionFragments.sha256();
    sha.update(view.userId().getBytes(UTF_8));
    for (SectionView section : view.sections()) {
      sha.update((byte) 0);
      sha.update(section.key().getBytes(UTF_8));
      sha.update((byte) 0);
      if (section.data() instanceof SectionFragment fragment) {
        sha.update((byte) 1);
        fragment.hashInto(sha);
      } else {
        sha.update((byte) 2);
      }
      if (section.error() != null) {
        sha.update(section.error().code().getBytes(UTF_8));
      }
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 18));
  }

  /**
   * A user's last page: its fragments, in order, with the data they were written from, and its
   * sections and validator.
   */
  private static final class Written {
    final Object[] data;
    final SectionFragment[] fragments;
    final int count;
    final int weight;
    final List<SectionView> sections;
    final String tag;

    Written(
        Object[] data,
        SectionFragment[] fragments,
        int count,
        int weight,
        List<SectionView> sections,
        String tag) {
      this.data = data;
      this.fragments = fragments;
      this.count = count;
      this.weight = weight;
      this.sections = sections;
      this.tag = tag;
    }

    /**
     * Whether a view of the same data says what this page said, as far as the validator goes: the
     * same sections in the same order, each with the same fragment, or none, and error code.
     */
    boolean saysWhat(PageView view) {
      List<SectionView> now = view.sections();
      if (now.size() != sections.size()) {
        return false;
      }
      for (int i = 0; i < now.size(); i++) {
        SectionView was = sections.get(i);
        SectionView is = now.get(i);
        if (!was.key().equals(is.key())
            || was.data() != is.data()
            || !Objects.equals(code(was), code(is))) {
          return false;
        }
      }
      return true;
    }

    private static @Nullable String code(SectionView section) {
      ErrorView error = section.error();
      return error == null ? null : error.code();
    }
  }

  /** Maps a page's section data to fragments, reusing the previous page's where the data is. */
  private final class Writing implements Function<Object, Object> {
    private final @Nullable Written previous;
    private final Object[] data;
    private final SectionFragment[] fragments;
    private int count;
    private boolean changed;

    Writing(@Nullable Written previous, int sections) {
      this.previous = previous;
      this.data = new Object[sections];
      this.fragments = new SectionFragment[sections];
    }

    @Override
    public Object apply(Object value) {
      SectionFragment fragment;
      if (previous != null && count < previous.count && previous.data[count] == value) {
        fragment = previous.fragments[count];
      } else {
        fragment = PageTagger.this.fragments.of(value);
        changed = true;
      }
      data[count] = value;
      fragments[count] = fragment;
      count++;
      return fragment;
    }

    boolean changed() {
      return changed || previous == null || previous.count != count;
    }

    Written written(List<SectionView> sections, String tag) {
      int weight = 0;
      for (int i = 0; i < count; i++) {
        weight += fragments[i].size();
      }
      return new Written(data, fragments, count, weight, sections, tag);
    }
  }
}
