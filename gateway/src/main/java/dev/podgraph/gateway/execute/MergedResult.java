package dev.podgraph.gateway.execute;

import java.util.List;
import java.util.Map;

/**
 * What the fetches of a plan produced together: one tree keyed by the subgraph queries' response
 * keys, and the errors with paths already rewritten to that tree.
 */
public record MergedResult(Map<String, Object> tree, List<Map<String, Object>> errors) {}
