package dev.podgraph.gateway.http;

import dev.podgraph.gateway.config.GatewayConfig;
import dev.podgraph.gateway.execute.MergedResult;
import dev.podgraph.gateway.execute.PlanExecutor;
import dev.podgraph.gateway.plan.OperationNormalizer;
import dev.podgraph.gateway.plan.PlanExplainer;
import dev.podgraph.gateway.plan.PlanningException;
import dev.podgraph.gateway.plan.QueryPlan;
import dev.podgraph.gateway.response.ResponseShaper;
import dev.podgraph.gateway.trace.GatewayTracing;
import dev.podgraph.rules.ErrorCode;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphQLException;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One GraphQL request through the pipeline: parse and validate (cached), check limits and
 * variables, plan (cached), execute, shape. Refusals become GraphQL errors with a code; an
 * unexpected failure becomes {@code INTERNAL} and its message stays in the log.
 */
public final class RequestProcessor {

  private static final Logger LOG = Logger.getLogger(RequestProcessor.class);

  private final Supplier<ServingState> state;
  private final PlanExecutor executor;
  private final OperationLimits limits;
  private final DemandControl demand;
  private final ParserOptions parserOptions;
  private final GatewayMetrics metrics;
  private final GatewayTracing tracing;

  public RequestProcessor(
      Supplier<ServingState> state,
      PlanExecutor executor,
      GatewayConfig.Limits limits,
      GatewayMetrics metrics) {
    this(state, executor, limits, metrics, GatewayTracing.NOOP);
  }

  public RequestProcessor(
      Supplier<ServingState> state,
      PlanExecutor executor,
      GatewayConfig.Limits limits,
      GatewayMetrics metrics,
      GatewayTracing tracing) {
    this.tracing = tracing;
    this.state = state;
    this.executor = executor;
    this.limits = new OperationLimits(limits);
    this.demand = new DemandControl(limits, metrics);
    this.parserOptions =
        ParserOptions.getDefaultOperationParserOptions()
            .transform(o -> o.maxTokens(limits.maxTokens()));
    this.metrics = metrics;
  }

  public CompletableFuture<ProcessedResponse> process(
      GraphQLRequest request, Map<String, String> forwardedHeaders) {
    ServingState current = state.get();
    try {
      ParsedDocument parsed = tracing.inSpan("graphql.validate", () -> check(current, request));
      OperationDefinition operation =
          OperationNormalizer.select(parsed.document(), request.operationName());
      DemandControl.Permit permit =
          demand.admit(current, parsed.document(), operation, request.variables());
      try {
        metrics.request(operation.getOperation().name().toLowerCase(Locale.ROOT));
        QueryPlan plan = tracing.inSpan("graphql.plan", () -> plan(current, parsed, request));
        Map<String, Object> introspection =
            Introspection.answer(current, plan, request.variables());
        Span execute = tracing.start("graphql.execute");
        Map<String, String> headers =
            GatewayTracing.withTraceContext(forwardedHeaders, Context.current().with(execute));
        return executor
            .execute(current.schema().supergraph(), plan, request.variables(), headers)
            .thenApply(merged -> respond(current, plan, merged, introspection))
            .thenApply(answer -> request.explainPlan() ? explained(answer, plan) : answer)
            .exceptionally(this::internal)
            .whenComplete(
                (answer, failure) -> {
                  execute.end();
                  permit.release();
                });
      } catch (RuntimeException e) {
        permit.release();
        throw e;
      }
    } catch (RequestRefusedException e) {
      return CompletableFuture.completedFuture(refused(e));
    } catch (PlanningException e) {
      metrics.error(ErrorCode.INTERNAL.name());
      return CompletableFuture.completedFuture(
          new ProcessedResponse(
              500,
              Map.of(
                  "errors",
                  List.of(
                      ErrorCode.INTERNAL.error(
                          "The operation cannot be planned: " + e.getMessage()))),
              false));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(internal(e));
    }
  }

  /**
   * Parses, validates and checks a request without running it: the parsed document, or the response
   * that refuses it (used to split {@code @defer} operations only once they are valid).
   */
  public Checked check(GraphQLRequest request) {
    try {
      return new Checked(check(state.get(), request), null);
    } catch (RequestRefusedException e) {
      return new Checked(null, refused(e));
    }
  }

  /** A checked request: its document, or the refusal. */
  public record Checked(ParsedDocument parsed, ProcessedResponse refusal) {}

  private ParsedDocument check(ServingState current, GraphQLRequest request) {
    ParsedDocument parsed = parseAndValidate(current, request.query());
    OperationDefinition operation;
    try {
      operation = OperationNormalizer.select(parsed.document(), request.operationName());
    } catch (OperationNormalizer.UnknownOperationException e) {
      throw new RequestRefusedException(
          ErrorCode.OPERATION_RESOLUTION_FAILURE, 400, e.getMessage());
    }
    if (request.viaGet() && operation.getOperation() != OperationDefinition.Operation.QUERY) {
      throw new RequestRefusedException(
          ErrorCode.BAD_USER_INPUT, 405, "Only queries can be sent with GET; use POST.");
    }
    limits.check(parsed.document(), operation);
    checkVariables(current, operation, request.variables());
    return parsed;
  }

  private ProcessedResponse refused(RequestRefusedException e) {
    metrics.error(e.code().name());
    return new ProcessedResponse(
        e.status(), Map.of("errors", List.of(e.code().error(e.getMessage()))), true);
  }

  private ProcessedResponse internal(Throwable failure) {
    LOG.error("request failed", failure);
    metrics.error(ErrorCode.INTERNAL.name());
    return new ProcessedResponse(
        500, Map.of("errors", List.of(ErrorCode.INTERNAL.error("Internal server error."))), false);
  }

  private ParsedDocument parseAndValidate(ServingState current, String query) {
    if (query == null || query.isBlank()) {
      throw new RequestRefusedException(ErrorCode.BAD_USER_INPUT, 400, "The request has no query.");
    }
    ParsedDocument cached = current.documents().getIfPresent(query);
    if (cached != null) {
      return cached;
    }
    Document document;
    try {
      document =
          Parser.parse(
              ParserEnvironment.newParserEnvironment()
                  .document(query)
                  .parserOptions(parserOptions)
                  .build());
    } catch (InvalidSyntaxException e) {
      throw new RequestRefusedException(ErrorCode.GRAPHQL_PARSE_FAILED, 400, e.getMessage());
    }
    List<ValidationError> errors =
        graphql.ParseAndValidate.validate(current.schema().api(), document, Locale.ENGLISH);
    if (!errors.isEmpty()) {
      throw new RequestRefusedException(
          ErrorCode.GRAPHQL_VALIDATION_FAILED, 400, errors.getFirst().getMessage());
    }
    ParsedDocument parsed =
        new ParsedDocument(document, OperationNormalizer.conditionVariables(document));
    current.documents().put(query, parsed);
    return parsed;
  }

  private void checkVariables(
      ServingState current, OperationDefinition operation, Map<String, Object> variables) {
    try {
      ValuesResolver.coerceVariableValues(
          current.schema().api(),
          operation.getVariableDefinitions(),
          RawVariables.of(variables),
          GraphQLContext.getDefault(),
          Locale.ENGLISH);
    } catch (GraphQLException e) {
      throw new RequestRefusedException(ErrorCode.BAD_USER_INPUT, 400, e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof GraphQLError error) {
        throw new RequestRefusedException(ErrorCode.BAD_USER_INPUT, 400, error.getMessage());
      }
      throw e;
    }
  }

  private QueryPlan plan(ServingState current, ParsedDocument parsed, GraphQLRequest request) {
    StringBuilder conditions = new StringBuilder();
    for (String name : new TreeSet<>(parsed.conditionVariables())) {
      conditions.append(name).append('=').append(request.variables().get(name)).append(';');
    }
    // Progressive @override: each request rolls the percent labels; plans are cached per outcome.
    Set<String> labels =
        current.planner().overrideLabels().roll(java.util.concurrent.ThreadLocalRandom.current());
    for (String label : new TreeSet<>(labels)) {
      conditions.append("@override:").append(label).append(';');
    }
    ServingState.PlanKey key =
        new ServingState.PlanKey(request.query(), request.operationName(), conditions.toString());
    QueryPlan plan = current.plans().getIfPresent(key);
    metrics.planCache(plan != null);
    if (plan == null) {
      plan =
          current
              .planner()
              .plan(
                  new OperationNormalizer()
                      .normalize(parsed.document(), request.operationName(), request.variables()),
                  labels);
      current.plans().put(key, plan);
    }
    return plan;
  }

  private ProcessedResponse respond(
      ServingState current,
      QueryPlan plan,
      MergedResult merged,
      Map<String, Object> introspection) {
    Map<String, Object> tree = new LinkedHashMap<>(merged.tree());
    tree.putAll(introspection);
    List<List<Object>> explained = new ArrayList<>(merged.summarizedPaths());
    for (Map<String, Object> error : merged.errors()) {
      if (error.get("path") instanceof List<?> path) {
        explained.add(new ArrayList<>(path));
      }
    }
    ResponseShaper.Shaped shaped =
        current.shaper().shape(plan.rootType(), plan.selection(), tree, explained);
    List<Map<String, Object>> errors = new ArrayList<>(merged.errors());
    errors.addAll(shaped.errors());
    Map<String, Object> body = new LinkedHashMap<>();
    if (!errors.isEmpty()) {
      body.put("errors", errors);
      errors.forEach(e -> metrics.error(code(e)));
    }
    body.put("data", shaped.data());
    return new ProcessedResponse(200, body, false);
  }

  private static ProcessedResponse explained(ProcessedResponse answer, QueryPlan plan) {
    Map<String, Object> body = new LinkedHashMap<>(answer.body());
    body.put("extensions", Map.of("apolloQueryPlan", PlanExplainer.explain(plan)));
    return new ProcessedResponse(answer.status(), body, answer.requestError());
  }

  private static String code(Map<String, Object> error) {
    return error.get("extensions") instanceof Map<?, ?> extensions
            && extensions.get("code") instanceof String code
        ? code
        : "SUBGRAPH";
  }
}
