package dev.podgraph.guest.model;

import dev.podgraph.guest.AppearanceRole;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A person on an episode. Adding it again sets its role, order and episode number. */
@Name("AppearanceInput")
public record AppearanceInput(
    @Id @NonNull @NotBlank String guestId,
    @Id
        @NonNull @NotBlank @Size(max = 200) @Description("The episode's federation key (Episode.id).")
        String episodeId,
    @Positive Integer episodeNumber,
    @NonNull @NotNull AppearanceRole role,
    @Min(0) @Description("Position among the episode's appearances; appended when omitted.")
        Integer order) {}
