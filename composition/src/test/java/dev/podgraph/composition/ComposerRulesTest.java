package dev.podgraph.composition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per composition rule, each on a small fixture; the expected join directives follow
 * Apollo's composition rules (and tools/compose-check confirms them against Apollo's code).
 */
class ComposerRulesTest {
  private static final String FED27 =
      "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.7\", import: [\"@key\","
          + " \"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@override\"])\n";

  private static String supergraph(String fixture) {
    CompositionResult result = Fixtures.named(fixture).compose();
    assertThat(result.errors()).as(fixture).isEmpty();
    return result.supergraphSdl().orElseThrow();
  }

  private static List<CompositionError> errors(String fixture) {
    return Fixtures.named(fixture).compose().errors();
  }

  private static CompositionResult compose(String... nameAndSdl) {
    List<SubgraphSdl> subgraphs = new java.util.ArrayList<>();
    for (int i = 0; i < nameAndSdl.length; i += 2) {
      subgraphs.add(new SubgraphSdl(nameAndSdl[i], "http://" + nameAndSdl[i], nameAndSdl[i + 1]));
    }
    return Composer.compose(subgraphs);
  }

  @Test
  void
      anEntityExtendedByAnotherSubgraphGetsAJoinTypePerSubgraphAndJoinFieldsOnlyWhereNotEverywhere() {
    String sdl = supergraph("entity-extension");
    assertThat(JoinDirectives.on(sdl, "Episode"))
        .contains(
            "@join__type(graph: CATALOG, key: \"id\")", "@join__type(graph: GUESTS, key: \"id\")");
    // id is in both subgraphs that define Episode: no @join__field needed
    assertThat(JoinDirectives.on(sdl, "Episode.id")).noneMatch(d -> d.startsWith("@join__field"));
    assertThat(JoinDirectives.on(sdl, "Episode.title")).contains("@join__field(graph: CATALOG)");
    assertThat(JoinDirectives.on(sdl, "Episode.guests")).contains("@join__field(graph: GUESTS)");
    assertThat(sdl).contains("\"\"\"An episode of the show.\"\"\"\ntype Episode");
  }

  @Test
  void rootQueryFieldsNameTheSubgraphThatResolvesThem() {
    String sdl = supergraph("entity-extension");
    assertThat(JoinDirectives.on(sdl, "Query.episodes")).contains("@join__field(graph: CATALOG)");
    assertThat(JoinDirectives.on(sdl, "Query.guest")).contains("@join__field(graph: GUESTS)");
    assertThat(sdl).contains("  query: Query\n");
  }

  @Test
  void aFieldResolvedByTwoSubgraphsMustBeShareableInBoth() {
    assertThat(errors("invalid-field-sharing"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("INVALID_FIELD_SHARING");
              assertThat(e.message()).contains("\"User.name\"", "\"a\"", "\"b\"");
            });
    String sdl = supergraph("shareable-root");
    assertThat(JoinDirectives.on(sdl, "User.age")).contains("@join__field(graph: B)");
  }

  @Test
  void shareableOnOneSideOnlyIsStillAnError() {
    CompositionResult result =
        compose(
            "a", FED27 + "type Query { t: T @shareable } type T { x: Int @shareable }",
            "b", FED27 + "type Query { t: T @shareable } type T { x: Int }");
    assertThat(result.errors())
        .extracting(CompositionError::message)
        .singleElement()
        .asString()
        .contains("Non-shareable field \"T.x\"", "defined as non-shareable in subgraph \"b\"");
  }

  @Test
  void incompatibleFieldTypesAreAFieldTypeMismatchNamingBothSubgraphs() {
    assertThat(errors("field-type-mismatch"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("FIELD_TYPE_MISMATCH");
              assertThat(e.message())
                  .contains(
                      "\"User.age\"", "\"Int\" in subgraph \"a\"", "\"String\" in subgraph \"b\"");
            });
  }

  @Test
  void compatibleFieldTypesMergeToTheMostGeneralOneAndEachSubgraphKeepsItsOwn() {
    String sdl = supergraph("field-type-subtype");
    assertThat(JoinDirectives.on(sdl, "User.name"))
        .contains(
            "type () String",
            "@join__field(graph: A, type: \"String!\")",
            "@join__field(graph: B, type: \"String\")");
    assertThat(JoinDirectives.on(sdl, "User.tags")).contains("type () [String]");
  }

  @Test
  void externalEverywhereIsExternalMissingOnBase() {
    assertThat(errors("external-missing-on-base"))
        .extracting(CompositionError::code)
        .containsExactly("EXTERNAL_MISSING_ON_BASE");
  }

  @Test
  void keyFieldsOfInterfaceTypeAreRejected() {
    assertThat(errors("key-invalid-type"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("KEY_FIELDS_SELECT_INVALID_TYPE");
              assertThat(e.message()).startsWith("[a] On type \"Product\"").contains("Interface");
            });
  }

  @Test
  void requiresAndProvidesAreRecordedOnTheSubgraphThatDeclaresThem() {
    String sdl = supergraph("requires-provides");
    assertThat(JoinDirectives.on(sdl, "Product.shippingEstimate"))
        .contains("@join__field(graph: B, requires: \"price weight\")");
    assertThat(JoinDirectives.on(sdl, "Product.price"))
        .contains("@join__field(graph: A)", "@join__field(external: true, graph: B)");
    assertThat(JoinDirectives.on(sdl, "Query.topProducts"))
        .contains("@join__field(graph: B, provides: \"name\")");
  }

  @Test
  void requiresOfAFieldTheSubgraphOwnsIsAnError() {
    assertThat(errors("requires-missing-external"))
        .extracting(CompositionError::code)
        .containsExactly("REQUIRES_FIELDS_MISSING_EXTERNAL");
  }

  @Test
  void overrideMovesTheFieldAndDropsTheOverriddenSubgraph() {
    String sdl = supergraph("override");
    assertThat(JoinDirectives.on(sdl, "Product.price"))
        .contains("@join__field(graph: B, override: \"a\")")
        .noneMatch(d -> d.contains("graph: A"));
  }

  @Test
  void progressiveOverrideKeepsBothSubgraphsWithTheLabel() {
    String sdl = supergraph("override-label");
    assertThat(JoinDirectives.on(sdl, "Product.price"))
        .contains(
            "@join__field(graph: A, overrideLabel: \"percent(25)\")",
            "@join__field(graph: B, override: \"a\", overrideLabel: \"percent(25)\")");
    assertThat(sdl).contains("https://specs.apollo.dev/join/v0.4");
  }

  @Test
  void anOverriddenFieldStillUsedInAKeyIsMarkedUsedOverridden() {
    String sdl = supergraph("override-used");
    assertThat(JoinDirectives.on(sdl, "Product.sku"))
        .contains(
            "@join__field(graph: A, usedOverridden: true)",
            "@join__field(graph: B, override: \"a\")");
  }

  @Test
  void enumValuesMergeByUsage() {
    String sdl = supergraph("enum-merging");
    // Genre is only an argument: the intersection
    assertThat(JoinDirectives.of(sdl).keySet())
        .contains("Genre.FICTION", "Genre.SCIENCE")
        .doesNotContain("Genre.POETRY", "Genre.HISTORY");
    // Format is only returned: the union, each value naming its subgraphs
    assertThat(JoinDirectives.on(sdl, "Format.EBOOK")).contains("@join__enumValue(graph: B)");
    assertThat(JoinDirectives.on(sdl, "Format.HARDCOVER"))
        .contains("@join__enumValue(graph: A)", "@join__enumValue(graph: B)");
    // Status is both: identical everywhere, so all values kept
    assertThat(JoinDirectives.of(sdl).keySet()).contains("Status.DRAFT", "Status.PUBLISHED");
  }

  @Test
  void anEnumUsedBothWaysMustHaveTheSameValuesEverywhere() {
    assertThat(errors("enum-mismatch"))
        .extracting(CompositionError::code)
        .containsOnly("ENUM_VALUE_MISMATCH")
        .hasSize(2);
  }

  @Test
  void inputObjectsKeepTheFieldsCommonToAllSubgraphs() {
    String sdl = supergraph("input-intersection");
    assertThat(JoinDirectives.of(sdl).keySet())
        .contains("Filter.text", "Filter.limit")
        .doesNotContain("Filter.exact", "Filter.fuzzy");
    assertThat(sdl).contains("limit: Int = 10");
  }

  @Test
  void aRequiredInputFieldMissingSomewhereIsAnError() {
    assertThat(errors("input-required-missing"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("\"Filter.text\"", "subgraph \"b\""));
  }

  @Test
  void inaccessibleAndTagPassThroughWithTheirSpecLinks() {
    String sdl = supergraph("inaccessible-tag");
    assertThat(sdl)
        .contains("@link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)")
        .contains("@link(url: \"https://specs.apollo.dev/tag/v0.3\")")
        .contains("directive @inaccessible on")
        .contains("directive @tag(name: String!) repeatable on");
    assertThat(JoinDirectives.on(sdl, "User.email")).contains("@inaccessible()");
    assertThat(JoinDirectives.on(sdl, "User")).contains("@tag(name: \"entity\")");
    // inaccessible in one subgraph is inaccessible in the supergraph
    assertThat(JoinDirectives.on(sdl, "Role.ADMIN")).contains("@inaccessible()");
    assertThat(sdl).contains("user(id: ID! @tag(name: \"public\")): User");
  }

  @Test
  void anInterfaceObjectAddsItsFieldsToTheInterfaceAndItsImplementations() {
    String sdl = supergraph("interface-object");
    assertThat(JoinDirectives.on(sdl, "Media"))
        .contains(
            "InterfaceType",
            "@join__type(graph: A, key: \"id\")",
            "@join__type(graph: B, isInterfaceObject: true, key: \"id\")");
    assertThat(JoinDirectives.on(sdl, "Media.reviews")).contains("@join__field(graph: B)");
    assertThat(JoinDirectives.on(sdl, "Book.reviews")).contains("@join__field()");
    assertThat(JoinDirectives.on(sdl, "Book"))
        .contains("@join__implements(graph: A, interface: \"Media\")");
  }

  @Test
  void fed1ExtensionsAreUpgradedTheWayApolloDoes() {
    String sdl = supergraph("fed1-extends");
    assertThat(sdl).contains("https://specs.apollo.dev/join/v0.3");
    // `extend type` loses the extension flag, @extends keeps it
    assertThat(JoinDirectives.on(sdl, "User")).contains("@join__type(graph: REVIEWS, key: \"id\")");
    assertThat(JoinDirectives.on(sdl, "Account"))
        .contains("@join__type(extension: true, graph: ACCOUNTS, key: \"id\")");
    // key fields repeated with @external on an extension are not external
    assertThat(JoinDirectives.on(sdl, "User.id")).noneMatch(d -> d.contains("external"));
    // a provided external stays external; fed1 fields resolved twice are implicitly shareable
    assertThat(JoinDirectives.on(sdl, "User.username"))
        .contains("@join__field(external: true, graph: REVIEWS)");
    assertThat(JoinDirectives.on(sdl, "Query.me"))
        .contains("@join__field(graph: ACCOUNTS)", "@join__field(graph: USERS)");
  }

  @Test
  void multipleKeysAndNonResolvableKeysAreKept() {
    String sdl = supergraph("keys-multiple");
    assertThat(JoinDirectives.on(sdl, "Product"))
        .contains(
            "@join__type(graph: A, key: \"id\")",
            "@join__type(graph: A, key: \"sku package\")",
            "@join__type(graph: B, key: \"sku package\", resolvable: false)");
  }

  @Test
  void unionsAndInterfacesMergeTheirMembersPerSubgraph() {
    String sdl = supergraph("abstract-types");
    assertThat(JoinDirectives.on(sdl, "Result"))
        .contains(
            "@join__unionMember(graph: A, member: \"Book\")",
            "@join__unionMember(graph: B, member: \"Book\")",
            "@join__unionMember(graph: A, member: \"Author\")",
            "@join__unionMember(graph: B, member: \"Magazine\")");
    assertThat(sdl).contains("= Book | Author | Magazine");
    assertThat(JoinDirectives.on(sdl, "Mutation.rate")).contains("type (id: ID!, stars: Int) Book");
    assertThat(sdl).contains("  mutation: Mutation\n");
  }

  @Test
  void renamedAndNamespacedFederationDirectivesAreRecognised() {
    String sdl = supergraph("renamed-imports");
    assertThat(JoinDirectives.on(sdl, "User"))
        .contains("@join__type(graph: A, key: \"id\")", "@join__type(graph: B, key: \"id\")");
  }

  @Test
  void aTypeDefinedWithTwoKindsIsATypeKindMismatch() {
    assertThat(errors("type-kind-mismatch"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .contains(
                        "\"Thing\"",
                        "Object Type in subgraph \"a\"",
                        "Interface Type in subgraph \"b\""));
  }

  @Test
  void aSyntaxErrorNamesTheSubgraph() {
    CompositionResult result = compose("broken", "type Query { oops: }");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("INVALID_GRAPHQL");
              assertThat(e.message()).startsWith("[broken]");
            });
  }

  @Test
  void smallRyeStyleSdlWithFederationMachineryComposes() {
    String smallRye =
        """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
        directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
        directive @link(url: String!, as: String, import: [link__Import], for: link__Purpose) repeatable on SCHEMA
        directive @shareable on OBJECT | FIELD_DEFINITION
        scalar FieldSet
        scalar link__Import
        scalar _Any
        enum link__Purpose { SECURITY EXECUTION }
        union _Entity = Episode
        type _Service { sdl: String! }
        "Query root"
        type Query {
          _entities(representations: [_Any!]!): [_Entity]!
          _service: _Service!
          episode(id: ID!): Episode
        }
        type Episode @key(fields: "id") { id: ID! title: String }
        """;
    CompositionResult result = compose("catalog", smallRye);
    assertThat(result.errors()).isEmpty();
    String sdl = result.supergraphSdl().orElseThrow();
    assertThat(sdl).doesNotContain("_Service", "_entities", "_Any", "scalar FieldSet", "_Entity");
    assertThat(JoinDirectives.on(sdl, "Episode"))
        .contains("@join__type(graph: CATALOG, key: \"id\")");
  }

  @Test
  void subgraphNamesBecomeSanitizedGraphEnumValues() {
    CompositionResult result =
        compose(
            "guest-service",
            FED27 + "type Query { a: Int }",
            "2nd",
            FED27 + "type Query { b: Int }");
    assertThat(result.supergraphSdl().orElseThrow())
        .contains(
            "GUEST_SERVICE @join__graph(name: \"guest-service\", url: \"http://guest-service\")")
        .contains("_2ND @join__graph(name: \"2nd\", url: \"http://2nd\")");
  }

  @Test
  void aSubgraphWithoutQueriesStillComposesWhenAnotherHasThem() {
    CompositionResult none = compose("a", FED27 + "type T { x: Int }");
    assertThat(none.errors()).extracting(CompositionError::code).containsExactly("NO_QUERIES");
  }

  @Test
  void descriptionsArePrintedAsApolloPrintsThem() {
    String longText = "x".repeat(71);
    CompositionResult result =
        compose(
            "a",
            FED27
                + "type Query {\n  \"short\"\n  a: Int\n  \"\"\"\n  two\n  lines\n  \"\"\"\n  b: Int\n  \""
                + longText
                + "\"\n  c: Int\n}");
    String sdl = result.supergraphSdl().orElseThrow();
    // the first described field has no empty line before it, the next ones do; more than 70
    // characters or several lines go on lines of their own
    assertThat(sdl)
        .contains(
            "{\n  \"\"\"short\"\"\"\n  a: Int\n\n  \"\"\"\n  two\n  lines\n  \"\"\"\n  b: Int\n\n  \"\"\"\n  "
                + longText
                + "\n  \"\"\"\n  c: Int\n}");
  }

  @Test
  void theOrderOfTheSubgraphsGivenDoesNotChangeTheSupergraph() {
    List<SubgraphSdl> subgraphs = Fixtures.named("abstract-types").subgraphs();
    List<SubgraphSdl> reversed = new java.util.ArrayList<>(subgraphs);
    java.util.Collections.reverse(reversed);
    assertThat(Composer.compose(reversed)).isEqualTo(Composer.compose(subgraphs));
  }
}
