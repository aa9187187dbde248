package dev.podgraph.composition;

import dev.podgraph.composition.merge.SupergraphMerger;
import dev.podgraph.composition.subgraph.Subgraph;
import dev.podgraph.composition.subgraph.SubgraphNormalizer;
import dev.podgraph.composition.subgraph.SubgraphReader;
import dev.podgraph.composition.subgraph.SubgraphValidator;
import dev.podgraph.composition.supergraph.Supergraph;
import dev.podgraph.composition.supergraph.SupergraphPrinter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Composes Apollo Federation subgraph SDLs into a supergraph SDL (join spec), following Apollo
 * composition's rules for what it supports. Pipeline: read each SDL, normalize (fed1 upgrade, fake
 * externals), validate each subgraph, merge, print. Stateless and thread-safe.
 */
public final class Composer {
  private Composer() {}

  public static CompositionResult compose(List<SubgraphSdl> subgraphs) {
    List<CompositionError> errors = new ArrayList<>();
    validateNames(subgraphs, errors);
    List<Subgraph> read = new ArrayList<>();
    // Apollo keeps subgraphs sorted by name: the order of the join__Graph values, of the join
    // directives and of fields first seen in several subgraphs does not depend on the input order.
    List<SubgraphSdl> sorted =
        subgraphs.stream().sorted(java.util.Comparator.comparing(SubgraphSdl::name)).toList();
    for (SubgraphSdl sdl : sorted) {
      Subgraph subgraph = SubgraphReader.read(sdl.name(), sdl.url(), sdl.sdl(), errors);
      if (subgraph != null) {
        read.add(subgraph);
      }
    }
    if (!errors.isEmpty()) {
      return CompositionResult.failure(errors);
    }
    SubgraphValidator.validateExtensionsHaveBase(read, errors);
    if (!errors.isEmpty()) {
      return CompositionResult.failure(errors);
    }
    SubgraphNormalizer.normalize(read);
    read.forEach(s -> SubgraphValidator.validate(s, errors));
    if (!errors.isEmpty()) {
      return CompositionResult.failure(errors);
    }
    Supergraph supergraph = SupergraphMerger.merge(read, errors);
    if (supergraph == null || !errors.isEmpty()) {
      return CompositionResult.failure(errors);
    }
    return CompositionResult.success(SupergraphPrinter.print(supergraph));
  }

  private static void validateNames(List<SubgraphSdl> subgraphs, List<CompositionError> errors) {
    if (subgraphs.isEmpty()) {
      errors.add(new CompositionError(ErrorCodes.INVALID_SUBGRAPH_NAME, "No subgraph to compose."));
    }
    Set<String> names = new HashSet<>();
    for (SubgraphSdl s : subgraphs) {
      if (s.name().isBlank() || s.name().equals("_")) {
        errors.add(
            new CompositionError(
                ErrorCodes.INVALID_SUBGRAPH_NAME, "Invalid subgraph name \"" + s.name() + "\"."));
      } else if (!names.add(s.name())) {
        errors.add(
            new CompositionError(
                ErrorCodes.INVALID_SUBGRAPH_NAME,
                "A subgraph named \"" + s.name() + "\" is given more than once."));
      }
    }
  }
}
