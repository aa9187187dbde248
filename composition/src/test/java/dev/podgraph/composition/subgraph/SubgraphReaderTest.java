package dev.podgraph.composition.subgraph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podgraph.composition.CompositionError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubgraphReaderTest {
  private final List<CompositionError> errors = new ArrayList<>();

  private Subgraph read(String sdl) {
    Subgraph s = SubgraphReader.read("s", "http://s", sdl, errors);
    assertThat(errors).isEmpty();
    return s;
  }

  @Test
  void readsFederationDirectivesUnderTheNamesTheSubgraphImportedThem() {
    Subgraph s =
        read(
            """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.5",
              import: [{name: "@key", as: "@id"}, "@external"])
            type Query { p: P }
            type P @id(fields: "upc") @federation__key(fields: "sku", resolvable: false) {
              upc: String! sku: String! w: Int @external size: Int @federation__requires(fields: "w")
            }
            """);
    assertThat(s.fed2()).isTrue();
    assertThat(s.federationMinor()).isEqualTo(5);
    assertThat(s.type("P").keys())
        .containsExactly(new Key("upc", true, false, false), new Key("sku", false, false, false));
    assertThat(s.type("P").fields().get("w").external()).isTrue();
    assertThat(s.type("P").fields().get("size").requires()).isEqualTo("w");
  }

  @Test
  void aSubgraphWithoutFederationLinkIsFed1AndRenamedRootsBecomeQuery() {
    Subgraph s =
        read(
            """
            schema { query: RootQuery }
            type RootQuery { me: User }
            extend type User @key(fields: "id") { id: ID! @external name: String }
            """);
    assertThat(s.fed2()).isFalse();
    assertThat(s.types()).containsKeys("Query", "User").doesNotContainKey("RootQuery");
    assertThat(s.type("User").extension()).isTrue();
    assertThat(s.type("User").keys().getFirst().onExtension()).isTrue();
  }

  @Test
  void leavesFederationMachineryOut() {
    Subgraph s =
        read(
            """
            scalar _Any
            scalar FieldSet
            type _Service { sdl: String }
            union _Entity = T
            type Query { _service: _Service! _entities(representations: [_Any!]!): [_Entity]! t: T }
            type T { x: Int }
            """);
    assertThat(s.types()).containsOnlyKeys("Query", "T");
    assertThat(s.type("Query").fields()).containsOnlyKeys("t");
  }

  @Test
  void aSubgraphWithoutQueryStillHasAnEmptyQueryType() {
    assertThat(read("type T { x: Int }").type("Query").fields()).isEmpty();
  }
}
