package dev.podgraph.importer.notes;

import java.util.List;

/** An interview question and the follow-up points indented under it. */
public record InterviewPoint(String text, List<InterviewPoint> followUps) {
  public InterviewPoint {
    followUps = List.copyOf(followUps);
  }
}
