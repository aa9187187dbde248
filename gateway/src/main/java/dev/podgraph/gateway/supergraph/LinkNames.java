package dev.podgraph.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;

/**
 * The names under which a supergraph's {@code @link}s import the join and inaccessible specs; a
 * supergraph may rename them with {@code as:}.
 */
public record LinkNames(String joinPrefix, String inaccessible) {

  public static LinkNames of(Document document) {
    String join = "join";
    String inaccessible = "inaccessible";
    for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
      for (Directive link : schema.getDirectives("link")) {
        String url = SupergraphParser.string(link, "url").orElse("");
        Argument as = link.getArgument("as");
        String alias = as != null && as.getValue() instanceof StringValue s ? s.getValue() : null;
        if (url.contains("/join/") && alias != null) {
          join = alias;
        } else if (url.contains("/inaccessible/") && alias != null) {
          inaccessible = alias;
        }
      }
    }
    return new LinkNames(join, inaccessible);
  }

  /** The name of a join element, given its suffix ({@code __type}, {@code _Graph}...). */
  public String join(String suffix) {
    return joinPrefix + suffix;
  }

  /** True for the types that belong to the federation machinery, not to the API. */
  public boolean isMachinery(String typeName) {
    return typeName.startsWith(joinPrefix + "__")
        || typeName.startsWith("link__")
        || typeName.startsWith("context__")
        || typeName.equals(joinPrefix + "_Graph")
        || typeName.startsWith("core__");
  }
}
