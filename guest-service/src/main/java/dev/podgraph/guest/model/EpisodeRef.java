package dev.podgraph.guest.model;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * catalog-service's episode, known here only by its federation key: the gateway resolves every
 * other field from catalog-service. No GraphQL description: catalog-service's is the one composed.
 */
@Name("Episode")
@Key(fields = @FieldSet("id"))
public record EpisodeRef(@Id @NonNull String id) {}
