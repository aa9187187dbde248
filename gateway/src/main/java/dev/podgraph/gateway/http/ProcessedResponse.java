package dev.podgraph.gateway.http;

import java.util.Map;

/**
 * The response to a GraphQL request.
 *
 * @param status the HTTP status when the client accepts {@code application/graphql-response+json}
 * @param requestError true when nothing was executed (parse, validation, limits): plain {@code
 *     application/json} clients then still get 200, as GraphQL over HTTP allows
 */
public record ProcessedResponse(int status, Map<String, Object> body, boolean requestError) {}
