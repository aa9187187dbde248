package dev.podgraph.composition.subgraph;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a subgraph names the federation directives. A fed2 subgraph links the federation spec and may
 * import a directive under its own name ({@code @key}, {@code @myKey}) or use it namespaced
 * ({@code @federation__key}); a fed1 subgraph uses the plain names.
 */
public final class FederationLink {
  static final Set<String> DIRECTIVES =
      Set.of(
          "key",
          "requires",
          "provides",
          "external",
          "shareable",
          "override",
          "inaccessible",
          "tag",
          "interfaceObject",
          "extends",
          "composeDirective",
          "authenticated",
          "requiresScopes",
          "policy",
          "context",
          "fromContext",
          "cost",
          "listSize");

  private static final Pattern FEDERATION_URL =
      Pattern.compile("https?://specs\\.apollo\\.dev/federation/v(\\d+)\\.(\\d+)/?");

  private final boolean fed2;
  private final int minor;
  private final Map<String, String> canonicalByLocal;

  private FederationLink(boolean fed2, int minor, Map<String, String> canonicalByLocal) {
    this.fed2 = fed2;
    this.minor = minor;
    this.canonicalByLocal = canonicalByLocal;
  }

  /** Reads the {@code @link} of the federation spec among the schema's directives, if any. */
  static FederationLink from(List<Directive> schemaDirectives) {
    for (Directive link : schemaDirectives) {
      if (!link.getName().equals("link")) {
        continue;
      }
      String url =
          string(link.getArgument("url") == null ? null : link.getArgument("url").getValue());
      Matcher m = url == null ? null : FEDERATION_URL.matcher(url);
      if (m == null || !m.matches()) {
        continue;
      }
      String prefix =
          Optional.ofNullable(link.getArgument("as"))
              .map(a -> string(a.getValue()))
              .orElse("federation");
      Map<String, String> names = new HashMap<>();
      for (String directive : DIRECTIVES) {
        names.put(prefix + "__" + directive, directive);
      }
      if (link.getArgument("import") != null
          && link.getArgument("import").getValue() instanceof ArrayValue imports) {
        for (Value<?> imported : imports.getValues()) {
          importName(imported, names);
        }
      }
      return new FederationLink(true, Integer.parseInt(m.group(2)), names);
    }
    Map<String, String> names = new HashMap<>();
    DIRECTIVES.forEach(d -> names.put(d, d));
    return new FederationLink(false, -1, names);
  }

  private static void importName(Value<?> imported, Map<String, String> names) {
    String name;
    String as;
    if (imported instanceof ObjectValue object) {
      name = null;
      as = null;
      for (ObjectField f : object.getObjectFields()) {
        if (f.getName().equals("name")) {
          name = string(f.getValue());
        } else if (f.getName().equals("as")) {
          as = string(f.getValue());
        }
      }
    } else {
      name = string(imported);
      as = null;
    }
    if (name == null || !name.startsWith("@")) {
      return; // an imported type (FieldSet, ...) needs no renaming: it never reaches the supergraph
    }
    String canonical = name.substring(1);
    String local = as == null ? canonical : as.substring(as.startsWith("@") ? 1 : 0);
    if (DIRECTIVES.contains(canonical)) {
      names.put(local, canonical);
    }
  }

  private static String string(Value<?> value) {
    return value instanceof StringValue s ? s.getValue() : null;
  }

  public boolean fed2() {
    return fed2;
  }

  public int minor() {
    return minor;
  }

  /** The federation directive a directive of this subgraph stands for, or null if none. */
  public String canonical(String localName) {
    return canonicalByLocal.get(localName);
  }
}
