package dev.podgraph.gateway.cache;

import dev.podgraph.gateway.execute.SubgraphResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Puts an {@code _entities} answer back together when only some representations were sent: the
 * subgraph's j-th entity goes to the position of the j-th missing representation, and error paths
 * {@code ["_entities", j, ...]} are renumbered the same way.
 */
final class EntityAnswers {
  private EntityAnswers() {}

  /**
   * @param answers the full answer list, cached entities filled in, the rest to fill
   * @param missing for each representation sent, its position among all of them
   * @param keep called with (j, entity) for each fetched entity that may be cached: present, not
   *     null and not named by an error
   */
  static SubgraphResponse assemble(
      SubgraphResponse response,
      Object[] answers,
      List<Integer> missing,
      BiConsumer<Integer, Object> keep) {
    List<?> fetched =
        response.data() != null && response.data().get("_entities") instanceof List<?> list
            ? list
            : null;
    boolean[] failed = new boolean[missing.size()];
    boolean wholeFetchFailed = fetched == null;
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Map<String, Object> error : response.errors()) {
      Integer j = entityIndex(error);
      if (j == null || j >= missing.size()) {
        wholeFetchFailed = true;
        errors.add(error);
        continue;
      }
      failed[j] = true;
      Map<String, Object> moved = new LinkedHashMap<>(error);
      List<Object> path = new ArrayList<>((List<?>) error.get("path"));
      path.set(1, missing.get(j));
      moved.put("path", path);
      errors.add(moved);
    }
    if (fetched == null && missing.size() == answers.length) {
      return response;
    }
    for (int j = 0; j < missing.size(); j++) {
      Object entity = fetched != null && j < fetched.size() ? fetched.get(j) : null;
      answers[missing.get(j)] = entity;
      if (!wholeFetchFailed && !failed[j] && entity != null) {
        keep.accept(j, entity);
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("_entities", new ArrayList<>(Arrays.asList(answers)));
    return new SubgraphResponse(data, errors);
  }

  private static Integer entityIndex(Map<String, Object> error) {
    if (error.get("path") instanceof List<?> path
        && path.size() >= 2
        && "_entities".equals(path.get(0))
        && path.get(1) instanceof Number index) {
      return index.intValue();
    }
    return null;
  }
}
