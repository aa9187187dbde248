package dev.podgraph.guest.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A new person. The slug is derived from the name when not given. */
@Name("CreateGuestInput")
public record GuestInput(
    @NonNull @NotBlank @Size(max = 200) String name,
    @Size(min = 1, max = 200) @Pattern(regexp = GuestFieldRules.SLUG, message = GuestFieldRules.SLUG_MESSAGE) @Description("Derived from the name when omitted.")
        String slug,
    @Size(max = 40) String honorific,
    @Size(max = 2000) String bio,
    @Size(max = 50) @Description("Names, each 1 to 200 characters.") List<String> projects,
    @Size(max = 50) @Description("http(s) URLs.") List<String> links) {}
