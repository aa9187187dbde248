package dev.podgraph.gateway.supergraph;

/**
 * One subgraph named by the supergraph's {@code join__Graph} enum.
 *
 * @param enumValue the {@code join__Graph} value that directives refer to
 * @param name the subgraph's own name, used in logs, metrics and errors
 * @param url where its GraphQL endpoint answers
 */
public record Subgraph(String enumValue, String name, String url) {}
