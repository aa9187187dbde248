package dev.podgraph.gateway.http;

import graphql.language.Document;
import java.util.Set;

/**
 * A client document that parsed and validated against the API schema.
 *
 * @param conditionVariables variables that steer {@code @skip}/{@code @include}
 */
public record ParsedDocument(Document document, Set<String> conditionVariables) {}
