package dev.podgraph.devinfra;

import dev.podgraph.devinfra.HostileCorpus.Case;
import dev.podgraph.devinfra.HostileCorpus.Outcome;
import dev.podgraph.rules.ErrorCode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hostile-corpus check every subgraph service's tests run against their own boot: generated
 * malformed envelopes around one valid query, the cases every subgraph must refuse ({@code
 * podgraph/hostile/subgraph.json}) and the service's own (a resource of its tests). Each answer a
 * 4xx or a closed-set code within {@link HostileCorpus#MAX_MILLIS}, and no ERROR line or stack
 * trace logged while they run.
 */
public final class SubgraphHostileCheck {
  private static final Set<String> CODES =
      Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

  private SubgraphHostileCheck() {}

  /** Runs the corpus at {@code endpoint}; returns the outcomes (all of them passed). */
  public static List<Outcome> assertRefusesEverything(
      String service, URI endpoint, String validQuery, String ownResource) {
    List<Case> cases = new ArrayList<>(HostileCorpus.envelopes(validQuery, 2 * 1024 * 1024));
    cases.addAll(HostileCorpus.load("podgraph/hostile/subgraph.json"));
    cases.addAll(HostileCorpus.load(ownResource));
    List<Outcome> outcomes;
    List<String> logged;
    try (LogCapture log = new LogCapture()) {
      outcomes = HostileCorpus.run(endpoint, cases, CODES);
      logged = log.errorsAndStackTraces();
    }
    List<Outcome> failures = HostileCorpus.failures(outcomes);
    if (!failures.isEmpty()) {
      throw new AssertionError("hostile requests not refused as they must be: " + failures);
    }
    if (!logged.isEmpty()) {
      throw new AssertionError("client mistakes must log no ERROR and no stack trace: " + logged);
    }
    if (outcomes.size() < 100) {
      throw new AssertionError("only " + outcomes.size() + " hostile requests");
    }
    long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
    System.out.printf(
        "%s: %d hostile requests, slowest %d ms%n", service, outcomes.size(), slowest);
    return outcomes;
  }
}
