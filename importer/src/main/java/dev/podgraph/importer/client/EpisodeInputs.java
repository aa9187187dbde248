package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podgraph.importer.notes.EpisodeNotes;
import dev.podgraph.importer.notes.InterviewPoint;
import dev.podgraph.rules.Sponsor;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * catalog-service's EpisodeInput from the notes. Create and update both take the whole episode: the
 * notes own its text; its publishing status is not part of the input.
 *
 * <p>Where the schema is flatter than the notes: follow-up points are one level deep in the schema,
 * so deeper points become follow-ups of their question in reading order; the music credit is one
 * string (the text after "is from"), with its work, artist and license beside it when the credit
 * splits; Keep In Touch / Picks / Links entries become {text, url} with the first http(s) URL of
 * the entry as url.
 */
final class EpisodeInputs {
  private static final Pattern URL = Pattern.compile("https?://\\S+");

  private EpisodeInputs() {}

  static ObjectNode of(EpisodeNotes e, ObjectMapper json) {
    ObjectNode input = json.createObjectNode();
    input.put("number", e.number());
    input.put("title", e.title());
    input.put("slug", e.slug());
    input.put("category", e.category());
    input.put("summary", e.summary());
    input.put("announcementsHeading", e.announcementsHeading());
    ArrayNode announcements = input.putArray("announcements");
    e.announcements().forEach(announcements::add);
    ArrayNode sponsors = input.putArray("sponsors");
    for (Sponsor s : e.sponsors()) {
      sponsors.addObject().put("name", s.name()).put("url", s.url());
    }
    ArrayNode questions = input.putArray("questions");
    for (InterviewPoint q : e.interview()) {
      ArrayNode followUps = questions.addObject().put("text", q.text()).putArray("followUps");
      q.followUps().forEach(f -> flatten(f, followUps));
    }
    linkItems(input.putArray("keepInTouch"), e.keepInTouch());
    linkItems(input.putArray("picks"), e.picks());
    linkItems(input.putArray("links"), e.links());
    input.put("musicCredit", e.music() == null ? null : e.music().text());
    input.put("topic", e.topic());
    input.put("musicWork", e.music() == null ? null : e.music().work());
    input.put("musicArtist", e.music() == null ? null : e.music().artist());
    input.put("musicLicense", e.music() == null ? null : e.music().license());
    return input;
  }

  private static void flatten(InterviewPoint point, ArrayNode into) {
    into.add(point.text());
    point.followUps().forEach(f -> flatten(f, into));
  }

  private static void linkItems(ArrayNode into, List<String> items) {
    for (String item : items) {
      Matcher url = URL.matcher(item);
      if (url.find()) {
        String text = (item.substring(0, url.start()) + item.substring(url.end())).strip();
        text = text.replaceAll("^[\\s:–—-]+|[\\s:(–—-]+$|\\(\\s*\\)", "").strip();
        into.addObject().put("text", text.isEmpty() ? url.group() : text).put("url", url.group());
      } else {
        into.addObject().put("text", item).putNull("url");
      }
    }
  }
}
