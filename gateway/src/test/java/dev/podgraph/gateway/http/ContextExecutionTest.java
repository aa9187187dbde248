package dev.podgraph.gateway.http;

import static dev.podgraph.gateway.fixture.GatewayHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podgraph.gateway.fixture.ContextSupergraphs;
import dev.podgraph.gateway.fixture.FixtureSubgraph;
import dev.podgraph.gateway.fixture.GatewayHarness;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contextual arguments end to end over {@link ContextSupergraphs#LIST}: subgraph one computes
 * {@code U.field(a:)} from the argument it receives ({@code a}'s length times 100 plus the id), so
 * the answer shows which context value reached it for which parent. Both {@code T}s point at the
 * same {@code U} ("1" and "2" under {@code v}) with different {@code prop}s.
 */
class ContextExecutionTest {

  private static Vertx vertx;
  private static FixtureSubgraph one;
  private static FixtureSubgraph two;
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    one =
        new FixtureSubgraph.Builder(
                """
                type Query { ts: [T!]! }
                type T { id: ID! prop: String! u: U! v: V! }
                type V { u: U! }
                type U { id: ID! field(a: String): Int! }
                """,
                "T",
                "U")
            .field(
                "Query",
                "ts",
                env ->
                    List.of(
                        Map.of("id", "t1", "prop", "x", "u", u("1"), "v", Map.of("u", u("2"))),
                        Map.of("id", "t2", "prop", "yyy", "u", u("1"), "v", Map.of("u", u("2")))))
            .field(
                "U",
                "field",
                env -> {
                  String a = env.getArgument("a");
                  int id = Integer.parseInt((String) ((Map<?, ?>) env.getSource()).get("id"));
                  return (a == null ? 0 : a.length() * 100) + id;
                })
            .entities(representation -> Map.of("__typename", "U", "id", representation.get("id")))
            .start(vertx);
    two =
        new FixtureSubgraph.Builder("type Query { a: Int! } type U { id: ID! }", "U")
            .field("Query", "a", env -> 1)
            .start(vertx);
    String supergraph =
        ContextSupergraphs.LIST
            .replace("http://one.invalid/graphql", one.url())
            .replace("http://two.invalid/graphql", two.url());
    gateway = new GatewayHarness(vertx, supergraph, Duration.ofSeconds(5));
  }

  private static Map<String, Object> u(String id) {
    return Map.of("id", id);
  }

  @AfterAll
  static void stop() {
    one.close();
    two.close();
    vertx.close();
  }

  @BeforeEach
  void forget() {
    one.forget();
    two.forget();
  }

  @Test
  void givesEachParentTheValueOfItsOwnContext() {
    assertEquals(
        json(
            """
            {"data": {"ts": [{"u": {"field": 101}}, {"u": {"field": 301}}]}}
            """),
        gateway.execute("{ ts { u { field } } }").body());
  }

  @Test
  void sendsRepresentationsWithDifferentContextValuesInSeparateCalls() {
    gateway.execute("{ ts { u { field } } }");
    List<FixtureSubgraph.Received> entityCalls = entityCalls();
    assertEquals(2, entityCalls.size(), "one _entities call per context value");
    assertEquals(
        Set.of("x", "yyy"),
        entityCalls.stream()
            .map(r -> r.variables().get("contextualArgument_1_0"))
            .collect(Collectors.toSet()));
    for (FixtureSubgraph.Received call : entityCalls) {
      assertEquals(
          List.of(Map.of("__typename", "U", "id", "1")), call.variables().get("representations"));
    }
  }

  @Test
  void readsAContextSetTwoLevelsUp() {
    assertEquals(
        json(
            """
            {"data": {"ts": [{"v": {"u": {"field": 102}}}, {"v": {"u": {"field": 302}}}]}}
            """),
        gateway.execute("{ ts { v { u { field } } } }").body());
    assertEquals(
        Set.of("x", "yyy"),
        entityCalls().stream()
            .map(r -> r.variables().get("contextualArgument_1_0"))
            .collect(Collectors.toSet()));
  }

  @Test
  void answersTheClientsOwnSelectionOfTheContextFieldToo() {
    assertEquals(
        json(
            """
            {"data": {"ts": [{"prop": "x", "u": {"id": "1", "field": 101}},
                             {"prop": "yyy", "u": {"id": "1", "field": 301}}]}}
            """),
        gateway.execute("{ ts { prop u { id field } } }").body());
  }

  private static List<FixtureSubgraph.Received> entityCalls() {
    return one.received().stream().filter(r -> r.query().contains("_entities")).toList();
  }
}
