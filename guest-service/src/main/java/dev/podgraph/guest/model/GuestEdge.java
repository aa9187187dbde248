package dev.podgraph.guest.model;

import org.eclipse.microprofile.graphql.NonNull;

public record GuestEdge(@NonNull String cursor, @NonNull GuestView node) {}
