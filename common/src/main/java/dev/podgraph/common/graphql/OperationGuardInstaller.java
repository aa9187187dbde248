package dev.podgraph.common.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.graphql.spi.EventingService;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds {@link OperationGuard} to the graphql-java engine SmallRye GraphQL builds, behind the
 * instrumentations SmallRye put there (its query cache, federation tracing). SmallRye offers this
 * hook ({@link EventingService#beforeGraphQLBuild}, loaded with {@code ServiceLoader}, on while
 * {@value #KEY} is true) but no way to add to its instrumentation list, and graphql-java's builder
 * has no getter for it: the one field is read by reflection, and start-up fails if it ever moves.
 */
public class OperationGuardInstaller implements EventingService {
  static final String KEY = "podgraph.graphql-guard.enabled";

  @Override
  public String getConfigKey() {
    return KEY;
  }

  @Override
  public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
    GraphQLLimits limits =
        ConfigProvider.getConfig()
            .unwrap(SmallRyeConfig.class)
            .getConfigMapping(GraphQLLimits.class);
    List<Instrumentation> chain = new ArrayList<>();
    Instrumentation present = present(builder);
    if (present != null) {
      chain.add(present);
    }
    chain.add(new OperationGuard(limits.maxDepth(), limits.maxFields()));
    return builder.instrumentation(new ChainedInstrumentation(chain));
  }

  private static Instrumentation present(GraphQL.Builder builder) {
    try {
      Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
      field.setAccessible(true);
      return (Instrumentation) field.get(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("graphql-java's GraphQL.Builder changed", e);
    }
  }
}
