package dev.podgraph.importer.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --dry-run}: reads go to the real API, writes go nowhere. A write answers as if it had
 * happened (a made-up id), so the import takes the same decisions and reports the same created /
 * updated / unchanged as a real run would, without changing anything.
 */
public final class DryRunApi implements PodgraphApi {
  private final PodgraphApi reads;
  private final AtomicInteger writes = new AtomicInteger();

  public DryRunApi(PodgraphApi reads) {
    this.reads = reads;
  }

  /** How many writes a real run would have sent. */
  public int writesSkipped() {
    return writes.get();
  }

  @Override
  public Optional<StoredEpisode> episode(int number) throws GraphQLException {
    return reads.episode(number);
  }

  @Override
  public java.util.Map<Integer, StoredEpisode> episodes() throws GraphQLException {
    return reads.episodes();
  }

  @Override
  public Written createEpisode(ObjectNode input) {
    writes.incrementAndGet();
    return new Written("dry-run-episode-" + input.path("number").asInt(), 1);
  }

  @Override
  public void publishEpisode(Written episode) {
    writes.incrementAndGet();
  }

  @Override
  public void updateEpisode(StoredEpisode stored, ObjectNode input) {
    writes.incrementAndGet();
  }

  @Override
  public Optional<StoredPerson> person(String slug) throws GraphQLException {
    return reads.person(slug);
  }

  @Override
  public List<StoredPerson> people() throws GraphQLException {
    return reads.people();
  }

  @Override
  public String createPerson(ObjectNode input) {
    writes.incrementAndGet();
    return "dry-run-person-" + input.path("slug").asText();
  }

  @Override
  public void updatePerson(StoredPerson stored, ObjectNode changes) {
    writes.incrementAndGet();
  }

  @Override
  public void putAppearance(
      String personId, String episodeId, int episodeNumber, Role role, int order) {
    writes.incrementAndGet();
  }
}
