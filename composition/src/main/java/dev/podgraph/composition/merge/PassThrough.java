package dev.podgraph.composition.merge;

import dev.podgraph.composition.subgraph.Metadata;
import dev.podgraph.composition.supergraph.AppliedDirective;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The directives that pass from subgraphs into the supergraph unchanged: {@code @inaccessible} if
 * any subgraph has it, every {@code @tag} of any subgraph, {@code @deprecated} with the first
 * reason given. Apollo prints the inaccessible one before the join directives, deprecation and tags
 * after them.
 */
final class PassThrough {
  private PassThrough() {}

  static Metadata merge(List<Metadata> all) {
    boolean inaccessible = false;
    List<String> tags = new ArrayList<>();
    String deprecation = null;
    for (Metadata m : all.stream().filter(Objects::nonNull).toList()) {
      inaccessible |= m.inaccessible();
      m.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
      if (deprecation == null) {
        deprecation = m.deprecationReason();
      }
    }
    return new Metadata(inaccessible, tags, deprecation);
  }

  static List<AppliedDirective> before(Metadata m) {
    List<AppliedDirective> out = new ArrayList<>();
    if (m.inaccessible()) {
      out.add(AppliedDirective.named("inaccessible").build());
    }
    return out;
  }

  static List<AppliedDirective> after(Metadata m) {
    List<AppliedDirective> out = new ArrayList<>();
    if (m.deprecated()) {
      out.add(
          "No longer supported".equals(m.deprecationReason())
              ? AppliedDirective.named("deprecated").build()
              : AppliedDirective.named("deprecated")
                  .string("reason", m.deprecationReason())
                  .build());
    }
    m.tags().forEach(t -> out.add(AppliedDirective.named("tag").string("name", t).build()));
    return out;
  }

  /** The most common description (the first of the most common on a tie), as Apollo picks it. */
  static String description(List<String> descriptions) {
    String best = null;
    long bestCount = 0;
    for (String d : descriptions) {
      if (d == null) {
        continue;
      }
      long count = descriptions.stream().filter(d::equals).count();
      if (count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
    return best;
  }
}
