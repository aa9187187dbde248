package dev.podgraph.gateway.execute;

import java.util.List;
import java.util.Map;

/**
 * What the fetches of a plan produced together: one tree keyed by the subgraph queries' response
 * keys, and the errors with paths already rewritten to that tree.
 *
 * @param summarizedPaths positions a failed fetch was to fill beyond the errors listed for it: one
 *     summarising error in {@code errors} stands for them, so they are explained without an error
 *     each
 */
public record MergedResult(
    Map<String, Object> tree,
    List<Map<String, Object>> errors,
    List<List<Object>> summarizedPaths) {}
