package dev.podgraph.guest.service;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * catalog-service's episode, known here only by its federation key: the gateway resolves every
 * other field from catalog-service.
 */
@Name("Episode")
@Key(fields = @FieldSet("id"))
@Description("An episode (owned by catalog-service); this subgraph adds its guests and hosts.")
public record EpisodeRef(@Id @NonNull String id) {}
