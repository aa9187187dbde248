package dev.podgraph.common.input;

import dev.podgraph.common.error.InvalidInputException;
import io.smallrye.graphql.api.federation.Resolver;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.eclipse.microprofile.graphql.Source;

/**
 * Checks a resolver's arguments before it runs: a federation {@link Resolver} gets at most {@link
 * InputLimits#maxRepresentations()} representations, and no string anywhere in the arguments
 * (inputs, lists, nested input objects) holds a NUL character, which PostgreSQL refuses in text.
 * {@code @Source} arguments are the service's own objects and are not inspected.
 */
public final class InputGuard {
  static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

  /** Input objects deeper than this are not walked further (GraphQL inputs are shallow). */
  private static final int MAX_DEPTH = 16;

  private InputGuard() {}

  public static void check(Method method, Object[] arguments, int maxRepresentations) {
    if (arguments == null) {
      return;
    }
    Parameter[] parameters = method.getParameters();
    boolean entityResolver = method.isAnnotationPresent(Resolver.class);
    for (int i = 0; i < arguments.length && i < parameters.length; i++) {
      if (parameters[i].isAnnotationPresent(Source.class)) {
        continue;
      }
      Object argument = arguments[i];
      String name = parameters[i].getName();
      if (entityResolver && argument instanceof Collection<?> representations) {
        checkRepresentations(representations.size(), maxRepresentations);
      }
      String at = nulAt(argument, name, 0);
      if (at != null) {
        throw new InvalidInputException(at, NUL_MESSAGE);
      }
    }
  }

  /** Refuses an {@code _entities} call with more than {@code max} representations of a type. */
  public static void checkRepresentations(int given, int max) {
    if (given > max) {
      throw new InvalidInputException(
          "Too many representations in one _entities call: "
              + given
              + " given, the limit is "
              + max
              + " (podgraph.entities.max-representations); split the call");
    }
  }

  /** The path of the first string holding a NUL character, or null when there is none. */
  static String nulAt(Object value, String path, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return null;
    }
    if (value instanceof CharSequence s) {
      return containsNul(s) ? path : null;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        String at = nulAt(item, path + "[" + i++ + "]", depth + 1);
        if (at != null) {
          return at;
        }
      }
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        String at = nulAt(e.getKey(), path, depth + 1);
        if (at == null) {
          at = nulAt(e.getValue(), path + "." + key, depth + 1);
        }
        if (at != null) {
          return at;
        }
      }
      return null;
    }
    Class<?> type = value.getClass();
    if (type.isArray()) {
      if (type.getComponentType().isPrimitive()) {
        return null;
      }
      for (int i = 0; i < Array.getLength(value); i++) {
        String at = nulAt(Array.get(value, i), path + "[" + i + "]", depth + 1);
        if (at != null) {
          return at;
        }
      }
      return null;
    }
    if (!isInputObject(type)) {
      return null;
    }
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        String at = nulAt(read(c, value), path + "." + c.getName(), depth + 1);
        if (at != null) {
          return at;
        }
      }
      return null;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue;
        }
        String at = nulAt(read(f, value), path + "." + f.getName(), depth + 1);
        if (at != null) {
          return at;
        }
      }
    }
    return null;
  }

  private static boolean containsNul(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\0') {
        return true;
      }
    }
    return false;
  }

  /** The project's own input types; numbers, enums, dates and the like hold no text to check. */
  private static boolean isInputObject(Class<?> type) {
    return !type.isEnum() && type.getName().startsWith("dev.podgraph.");
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Object read(Field field, Object target) {
    try {
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
