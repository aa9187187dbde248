package dev.podgraph.catalog.service;

import dev.podgraph.catalog.Episode;
import dev.podgraph.catalog.InterviewQuestion;
import dev.podgraph.catalog.LinkItem;
import dev.podgraph.catalog.Sponsor;
import dev.podgraph.catalog.model.EpisodeInput;
import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.rules.Slugs;
import dev.podgraph.rules.SponsorExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The content of an episode as normalised from an {@link EpisodeInput}, and its application to the
 * entity field by field, so that an update which changes nothing leaves the entity clean (no
 * UPDATE, no new version, no new updatedAt).
 */
record EpisodeContent(
    int number,
    String title,
    String slug,
    String category,
    String summary,
    String announcementsHeading,
    List<String> announcements,
    List<Sponsor> sponsors,
    List<InterviewQuestion> questions,
    List<LinkItem> keepInTouch,
    List<LinkItem> picks,
    List<LinkItem> links,
    String musicCredit,
    String audioUrl,
    String imageUrl,
    Integer durationSeconds,
    String topic,
    String musicWork,
    String musicArtist,
    String musicLicense) {

  private static final int MAX_TEXT = 5000;

  static EpisodeContent of(EpisodeInput in) {
    String title = in.title().strip();
    String slug = blankToNull(in.slug());
    if (slug == null) {
      slug = Slugs.of(title);
      if (slug.isEmpty()) {
        throw new InvalidInputException("input.slug", "cannot be derived from the title: send one");
      }
    }
    List<String> announcements = texts(in.announcements(), "input.announcements");
    List<Sponsor> sponsors =
        in.sponsors() == null
            ? SponsorExtractor.sponsors(announcements).stream()
                .map(s -> new Sponsor(s.name(), s.url()))
                .toList()
            : nonNull(in.sponsors(), "input.sponsors").stream()
                .map(s -> new Sponsor(s.name().strip(), url(s.url())))
                .toList();
    return new EpisodeContent(
        in.number(),
        title,
        slug,
        blankToNull(in.category()),
        in.summary() == null ? "" : in.summary().strip(),
        in.announcementsHeading() == null || in.announcementsHeading().isBlank()
            ? "Announcements"
            : in.announcementsHeading().strip(),
        announcements,
        sponsors,
        in.questions() == null
            ? List.of()
            : nonNull(in.questions(), "input.questions").stream()
                .map(
                    q ->
                        new InterviewQuestion(
                            q.text().strip(), texts(q.followUps(), "input.questions.followUps")))
                .toList(),
        items(in.keepInTouch(), "input.keepInTouch"),
        items(in.picks(), "input.picks"),
        items(in.links(), "input.links"),
        blankToNull(in.musicCredit()),
        url(in.audioUrl()),
        url(in.imageUrl()),
        in.durationSeconds(),
        blankToNull(in.topic()),
        blankToNull(in.musicWork()),
        blankToNull(in.musicArtist()),
        blankToNull(in.musicLicense()));
  }

  /** Writes every differing field into {@code e}; returns whether anything differed. */
  boolean applyTo(Episode e) {
    boolean changed = false;
    changed |= set(e.number, number, v -> e.number = v);
    changed |= set(e.title, title, v -> e.title = v);
    changed |= set(e.slug, slug, v -> e.slug = v);
    changed |= set(e.category, category, v -> e.category = v);
    changed |= set(e.summary, summary, v -> e.summary = v);
    changed |= set(e.announcementsHeading, announcementsHeading, v -> e.announcementsHeading = v);
    changed |= set(e.announcements, announcements, v -> e.announcements = copy(v));
    changed |= set(e.sponsors, sponsors, v -> e.sponsors = copy(v));
    changed |= set(e.questions, questions, v -> e.questions = copy(v));
    changed |= set(e.keepInTouch, keepInTouch, v -> e.keepInTouch = copy(v));
    changed |= set(e.picks, picks, v -> e.picks = copy(v));
    changed |= set(e.links, links, v -> e.links = copy(v));
    changed |= set(e.musicCredit, musicCredit, v -> e.musicCredit = v);
    changed |= set(e.audioUrl, audioUrl, v -> e.audioUrl = v);
    changed |= set(e.imageUrl, imageUrl, v -> e.imageUrl = v);
    changed |= set(e.durationSeconds, durationSeconds, v -> e.durationSeconds = v);
    changed |= set(e.topic, topic, v -> e.topic = v);
    changed |= set(e.musicWork, musicWork, v -> e.musicWork = v);
    changed |= set(e.musicArtist, musicArtist, v -> e.musicArtist = v);
    changed |= set(e.musicLicense, musicLicense, v -> e.musicLicense = v);
    return changed;
  }

  private static <T> boolean set(T current, T wanted, Consumer<T> setter) {
    if (Objects.equals(current, wanted)) {
      return false;
    }
    setter.accept(wanted);
    return true;
  }

  private static <T> List<T> copy(List<T> list) {
    return new ArrayList<>(list);
  }

  /** Stripped texts; a blank or over-long one is a client error naming its position. */
  private static List<String> texts(List<String> list, String field) {
    if (list == null) {
      return List.of();
    }
    List<String> texts = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String text = list.get(i);
      if (text == null || text.isBlank()) {
        throw new InvalidInputException(field + "[" + i + "]", "must not be blank");
      }
      if (text.length() > MAX_TEXT) {
        throw new InvalidInputException(
            field + "[" + i + "]", "must be at most " + MAX_TEXT + " characters");
      }
      texts.add(text.strip());
    }
    return List.copyOf(texts);
  }

  private static List<LinkItem> items(List<EpisodeInput.LinkItemInput> list, String field) {
    return list == null
        ? List.of()
        : nonNull(list, field).stream()
            .map(i -> new LinkItem(i.text().strip(), url(i.url())))
            .toList();
  }

  private static <T> List<T> nonNull(List<T> list, String field) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new InvalidInputException(field + "[" + i + "]", "must not be null");
      }
    }
    return list;
  }

  private static String url(String url) {
    String u = blankToNull(url);
    return u == null ? null : SponsorExtractor.absolute(u);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
