package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podgraph.importer.notes.EpisodeNotes;
import dev.podgraph.importer.notes.InterviewPoint;
import dev.podgraph.importer.notes.MusicCredit;
import dev.podgraph.importer.notes.Sponsor;
import java.util.List;

/**
 * The episode input sent to catalog-service. Every field comes from the notes, so an update sends
 * the whole input: the notes own the episode's text (its publishing status is not touched).
 */
final class EpisodeInputs {
  private EpisodeInputs() {}

  static ObjectNode of(EpisodeNotes e, ObjectMapper json) {
    ObjectNode input = json.createObjectNode();
    input.put("number", e.number());
    input.put("title", e.title());
    input.put("slug", e.slug());
    input.put("category", e.category());
    input.put("summary", e.summary());
    input.put("topic", e.topic());
    strings(input.putArray("announcements"), e.announcements());
    ArrayNode sponsors = input.putArray("sponsors");
    for (Sponsor s : e.sponsors()) {
      sponsors.addObject().put("name", s.name()).put("url", s.url());
    }
    points(input.putArray("interview"), e.interview());
    strings(input.putArray("keepInTouch"), e.keepInTouch());
    strings(input.putArray("picks"), e.picks());
    strings(input.putArray("links"), e.links());
    MusicCredit music = e.music();
    if (music == null) {
      input.putNull("music");
    } else {
      input
          .putObject("music")
          .put("text", music.text())
          .put("work", music.work())
          .put("artist", music.artist())
          .put("license", music.license());
    }
    return input;
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }

  private static void points(ArrayNode into, List<InterviewPoint> points) {
    for (InterviewPoint p : points) {
      ObjectNode point = into.addObject().put("text", p.text());
      points(point.putArray("followUps"), p.followUps());
    }
  }
}
