package dev.podgraph.catalog;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One interview question, with the follow-up points nested under it in the notes. */
@Description("An interview question with its nested follow-up points, in order.")
public record InterviewQuestion(@NonNull String text, @NonNull List<@NonNull String> followUps) {
  public InterviewQuestion {
    followUps = followUps == null ? List.of() : List.copyOf(followUps);
  }
}
