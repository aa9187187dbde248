package dev.podgraph.catalog;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One entry of the Keep In Touch, Picks or Links sections. */
@Description("An entry of the Keep In Touch, Picks or Links sections: text and optional URL.")
public record LinkItem(@NonNull String text, String url) {}
