package dev.podgraph.guest.model;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/**
 * Changes to a person: a field left out (or null) keeps its value; an empty honorific or bio clears
 * it; an empty list clears the list.
 */
@Name("UpdateGuestInput")
@Description("Omitted fields keep their value; \"\" clears honorific or bio; [] clears a list.")
public record GuestChanges(
    @Pattern(regexp = GuestFieldRules.NOT_BLANK, message = "must not be blank") @Size(max = 200) String name,
    @Size(min = 1, max = 200) @Pattern(regexp = GuestFieldRules.SLUG, message = GuestFieldRules.SLUG_MESSAGE) String slug,
    @Size(max = 40) String honorific,
    @Size(max = 2000) String bio,
    @Size(max = 50) @Description("Names, each 1 to 200 characters.") List<String> projects,
    @Size(max = 50) @Description("http(s) URLs.") List<String> links) {}
