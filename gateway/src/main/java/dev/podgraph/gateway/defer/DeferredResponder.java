package dev.podgraph.gateway.defer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.gateway.http.GraphQLRequest;
import dev.podgraph.gateway.http.ProcessedResponse;
import dev.podgraph.gateway.http.RequestProcessor;
import dev.podgraph.gateway.plan.OperationNormalizer;
import graphql.language.OperationDefinition;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * {@code @defer} as incremental delivery for clients that accept {@code multipart/mixed}: the
 * primary operation and every deferred part run at once through the ordinary pipeline; the initial
 * payload is written when the primary answer is there, each deferred part as soon as its own answer
 * and the initial payload are, in the format of Apollo's {@code deferSpec=20220824}.
 */
public final class DeferredResponder {
  private static final Logger LOG = Logger.getLogger(DeferredResponder.class);

  public static final String CONTENT_TYPE = "multipart/mixed; boundary=\"-\"; deferSpec=20220824";

  /**
   * Each part ends with the next delimiter, so that a client knows a part is complete as soon as it
   * arrives (as Apollo Server writes it); the last one is closed by {@code --}.
   */
  private static final String HEADERS = "\r\ncontent-type: application/json; charset=utf-8\r\n\r\n";

  private final ObjectMapper mapper;

  public DeferredResponder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Whether the client reads multipart answers and the text may use {@code @defer}. */
  public static boolean applies(String accept, GraphQLRequest request) {
    return accept != null
        && accept.contains("multipart/mixed")
        && request.query() != null
        && request.query().contains("@defer");
  }

  /**
   * Answers {@code request} incrementally; {@code single} gets the answer instead when there is
   * nothing to defer (refused, no active {@code @defer}, not a query).
   */
  public void respond(
      RequestProcessor processor,
      GraphQLRequest request,
      Map<String, String> forwarded,
      HttpServerResponse response,
      Consumer<CompletableFuture<ProcessedResponse>> single) {
    RequestProcessor.Checked checked = processor.check(request);
    if (checked.refusal() != null) {
      single.accept(CompletableFuture.completedFuture(checked.refusal()));
      return;
    }
    OperationDefinition operation =
        OperationNormalizer.select(checked.parsed().document(), request.operationName());
    DeferSplitter.Split split =
        operation.getOperation() == OperationDefinition.Operation.QUERY
            ? DeferSplitter.split(checked.parsed().document(), operation, request.variables())
            : null;
    if (split == null || split.deferred().isEmpty()) {
      single.accept(processor.process(request, forwarded));
      return;
    }
    String name = operation.getName();
    CompletableFuture<ProcessedResponse> primary =
        processor.process(
            new GraphQLRequest(
                split.primary(),
                name,
                request.variables(),
                request.viaGet(),
                request.explainPlan()),
            forwarded);
    List<CompletableFuture<ProcessedResponse>> parts = new ArrayList<>();
    for (DeferSplitter.Deferred deferred : split.deferred()) {
      parts.add(
          processor.process(
              new GraphQLRequest(deferred.query(), name, request.variables(), request.viaGet()),
              forwarded));
    }
    Stream stream = new Stream(response, split.deferred().size());
    CompletableFuture<Void> initial =
        primary.thenAccept(answer -> stream.write(withHasNext(answer.body())));
    initial.exceptionally(
        failure -> {
          LOG.error("deferred response failed", failure);
          stream.abort();
          return null;
        });
    for (int i = 0; i < parts.size(); i++) {
      DeferSplitter.Deferred deferred = split.deferred().get(i);
      initial
          .thenCombine(parts.get(i), (ignored, answer) -> answer)
          .thenAccept(answer -> stream.write(subsequent(deferred, answer.body())))
          .exceptionally(
              failure -> {
                stream.abort();
                return null;
              });
    }
  }

  private static Map<String, Object> withHasNext(Map<String, Object> body) {
    Map<String, Object> payload = new LinkedHashMap<>(body);
    payload.put("hasNext", true);
    return payload;
  }

  private static Map<String, Object> subsequent(
      DeferSplitter.Deferred deferred, Map<String, Object> body) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("incremental", IncrementalPayloads.entries(deferred, body));
    return payload;
  }

  /** The multipart body: parts in the order they are written, {@code hasNext} set on each. */
  private final class Stream {
    private final HttpServerResponse response;
    private int remaining;
    private boolean started;

    Stream(HttpServerResponse response, int deferredParts) {
      this.response = response;
      this.remaining = deferredParts + 1;
    }

    synchronized void write(Map<String, Object> payload) {
      if (response.ended() || response.closed()) {
        return;
      }
      remaining--;
      Map<String, Object> part = new LinkedHashMap<>(payload);
      part.put("hasNext", remaining > 0);
      boolean first = !started;
      if (first) {
        started = true;
        response.setChunked(true).setStatusCode(200).putHeader("content-type", CONTENT_TYPE);
      }
      try {
        Buffer chunk = Buffer.buffer(first ? "\r\n---" + HEADERS : HEADERS);
        chunk.appendBytes(mapper.writeValueAsBytes(part)).appendString("\r\n---");
        if (remaining > 0) {
          response.write(chunk);
        } else {
          response.end(chunk.appendString("--\r\n"));
        }
      } catch (Exception e) {
        abort();
      }
    }

    synchronized void abort() {
      if (!response.ended() && !response.closed()) {
        if (started) {
          response.reset(); // a half-written multipart body must not look complete
        } else {
          response.setStatusCode(500).end();
        }
      }
    }
  }
}
