package dev.podgraph.catalog.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The show as an editor sends it. */
@Input("ShowInput")
public record ShowInput(
    @NonNull @NotBlank @Size(max = 300) String title,
    @Size(max = 500) String tagline,
    @NonNull @NotBlank @Size(max = 200) String hostName,
    @Size(max = 2000) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String url) {}
