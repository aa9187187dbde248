package dev.podgraph.composition;

import java.util.List;
import java.util.Optional;

/** Either a supergraph SDL (and no errors) or the errors that prevented it. */
public record CompositionResult(Optional<String> supergraphSdl, List<CompositionError> errors) {
  public CompositionResult {
    errors = List.copyOf(errors);
  }

  public static CompositionResult success(String supergraphSdl) {
    return new CompositionResult(Optional.of(supergraphSdl), List.of());
  }

  public static CompositionResult failure(List<CompositionError> errors) {
    return new CompositionResult(Optional.empty(), errors);
  }

  public boolean isSuccess() {
    return supergraphSdl.isPresent();
  }
}
