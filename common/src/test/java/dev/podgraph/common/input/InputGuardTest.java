package dev.podgraph.common.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.rules.ErrorCode;
import io.smallrye.graphql.api.federation.Resolver;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.Test;

class InputGuardTest {

  record Filter(String name, List<String> tags, Nested nested) {}

  record Nested(String text) {}

  static class Mutable {
    String title;
    int number;
  }

  @SuppressWarnings("unused")
  static class Api {
    public Object search(String text, Integer first, Filter filter) {
      return null;
    }

    public Object update(Mutable input) {
      return null;
    }

    @Resolver
    public List<Object> entities(List<String> id) {
      return null;
    }

    public List<Object> batched(@Source List<Filter> sources) {
      return null;
    }
  }

  private static Method method(String name) {
    for (Method m : Api.class.getMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void refusesANulInAPlainStringArgumentNamingIt() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> InputGuard.check(method("search"), new Object[] {"re\0dis", 5, null}, 1000));
    assertEquals(ErrorCode.BAD_USER_INPUT, e.code());
    assertEquals("text", e.violations().get(0).field());
    assertTrue(e.getMessage().contains("NUL"), e.getMessage());
  }

  @Test
  void findsANulInsideNestedInputObjectsAndLists() {
    Filter inList = new Filter("ok", List.of("a", "b\0"), null);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> InputGuard.check(method("search"), new Object[] {"x", 1, inList}, 1000));
    assertEquals("filter.tags[1]", e.violations().get(0).field());

    Filter nested = new Filter("ok", List.of(), new Nested("\0"));
    e =
        assertThrows(
            InvalidInputException.class,
            () -> InputGuard.check(method("search"), new Object[] {"x", 1, nested}, 1000));
    assertEquals("filter.nested.text", e.violations().get(0).field());

    Mutable input = new Mutable();
    input.title = "a\0b";
    e =
        assertThrows(
            InvalidInputException.class,
            () -> InputGuard.check(method("update"), new Object[] {input}, 1000));
    assertEquals("input.title", e.violations().get(0).field());
  }

  @Test
  void letsOrdinaryTextThrough() {
    Filter filter = new Filter("Zimmerman", List.of("redis", "ünïcödé"), new Nested("ok"));
    assertDoesNotThrow(
        () -> InputGuard.check(method("search"), new Object[] {"redis", 5, filter}, 1000));
  }

  @Test
  void doesNotInspectSourceArguments() {
    List<Filter> sources = List.of(new Filter("\0", List.of(), null));
    assertDoesNotThrow(() -> InputGuard.check(method("batched"), new Object[] {sources}, 1));
  }

  @Test
  void limitsTheRepresentationsOfAnEntityResolver() {
    List<String> atLimit = Collections.nCopies(3, "id");
    assertDoesNotThrow(() -> InputGuard.check(method("entities"), new Object[] {atLimit}, 3));

    List<String> over = new ArrayList<>(Collections.nCopies(4, "id"));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> InputGuard.check(method("entities"), new Object[] {over}, 3));
    assertEquals(ErrorCode.BAD_USER_INPUT, e.code());
    assertTrue(e.getMessage().contains("4 given, the limit is 3"), e.getMessage());
    assertTrue(e.getMessage().contains("podgraph.entities.max-representations"), e.getMessage());
  }

  @Test
  void doesNotLimitListsOfOrdinaryResolvers() {
    List<Filter> many = Collections.nCopies(10, new Filter("a", List.of(), null));
    assertDoesNotThrow(() -> InputGuard.check(method("batched"), new Object[] {many}, 3));
  }
}
