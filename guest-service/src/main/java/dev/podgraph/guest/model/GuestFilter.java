package dev.podgraph.guest.model;

import dev.podgraph.guest.AppearanceRole;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;

/** Narrows a guest list. */
public record GuestFilter(
    @Size(max = 200) @Description(
            "Every word must occur in the name, ignoring case and accents (\"zoe\" finds \"Zoë\").")
        String name,
    @Description("Only people with at least one appearance in this role that the caller may see.")
        AppearanceRole role) {}
