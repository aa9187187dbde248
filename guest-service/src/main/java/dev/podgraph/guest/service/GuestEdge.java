package dev.podgraph.guest.service;

import org.eclipse.microprofile.graphql.NonNull;

public record GuestEdge(@NonNull String cursor, @NonNull GuestView node) {}
