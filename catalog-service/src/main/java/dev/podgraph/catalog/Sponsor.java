package dev.podgraph.catalog;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A sponsor named in the announcements, with the link the show reads out. */
@Description("A sponsor named in the announcements, with its link.")
public record Sponsor(@NonNull String name, String url) {}
