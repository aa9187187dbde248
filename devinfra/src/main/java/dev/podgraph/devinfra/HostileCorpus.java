package dev.podgraph.devinfra;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hostile requests kept as data ({@code podgraph/hostile/*.json} on the classpath: a JSON array of
 * cases) and the rule every answer must keep: a 4xx or a GraphQL error whose {@code
 * extensions.code} is one of the closed set, never a 5xx, no framework names in the errors, and an
 * answer within {@link #MAX_MILLIS}. A case is an object with {@code name}, {@code method} (POST),
 * {@code contentType} (application/json; JSON null for none), {@code accept}, the body as {@code
 * body} (text), {@code json} (any JSON value, written as text) or {@code base64} (bytes), and what
 * it must get: {@code status} and/or {@code code} (of the first error). Long repetitions in {@code
 * json} are written once ({@link CorpusTemplates}).
 */
public final class HostileCorpus {
  /** Every answer of the corpus comes within this, refusals of bombs included. */
  public static final long MAX_MILLIS = 1000;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /** Extension keys a client may see: the code, and which input fields broke a rule. */
  private static final Set<String> EXTENSION_KEYS = Set.of("code", "violations");

  private HostileCorpus() {}

  /** One hostile request and what it must get. */
  public record Case(
      String name,
      String method,
      String contentType,
      String accept,
      byte[] body,
      Integer status,
      String code,
      Map<String, String> headers) {

    /** A POST of {@code body} as application/json that must get {@code code}. */
    public static Case post(String name, String body, Integer status, String code) {
      return new Case(
          name,
          "POST",
          "application/json",
          "application/json",
          body.getBytes(StandardCharsets.UTF_8),
          status,
          code,
          Map.of());
    }

    /** The same request with an extra header (a bearer token, say). */
    public Case with(String header, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(header, value);
      return new Case(name, method, contentType, accept, body, status, code, more);
    }
  }

  /** What one case got, and what was wrong with it (nothing when it held). */
  public record Outcome(Case hostile, int status, long millis, String body, List<String> problems) {
    @Override
    public String toString() {
      return hostile.name() + ": " + status + " in " + millis + " ms " + problems + " " + excerpt();
    }

    private String excerpt() {
      return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
  }

  /**
   * Malformed envelopes around {@code query} (a valid operation of the endpoint), generated: the
   * body cut at every position, each member of the request with every wrong JSON type, trailing
   * garbage, other methods and media types, JSON nested too deep, and a body of {@code tooLarge}
   * bytes. Each must be refused with a 4xx and a coded error.
   */
  public static List<Case> envelopes(String query, int tooLarge) {
    List<Case> cases = new ArrayList<>();
    String valid = "{\"query\":" + Json.createValue(query) + ",\"variables\":{}}";
    for (int cut = 0; cut < valid.length(); cut += Math.max(1, valid.length() / 40)) {
      cases.add(Case.post("body cut at " + cut, valid.substring(0, cut), 400, null));
    }
    String q = Json.createValue(query).toString();
    Map<String, String> wrong =
        Map.of(
            "a number", "5",
            "an array", "[1,2]",
            "a boolean", "true",
            "a string", "\"x\"",
            "an object", "{\"a\":1}");
    for (var kind : wrong.entrySet()) {
      if (!kind.getKey().equals("a string")) {
        cases.add(
            Case.post(
                "query as " + kind.getKey(), "{\"query\":" + kind.getValue() + "}", 400, null));
        cases.add(
            Case.post(
                "operationName as " + kind.getKey(),
                "{\"query\":" + q + ",\"operationName\":" + kind.getValue() + "}",
                400,
                null));
      }
      if (!kind.getKey().equals("an object")) {
        cases.add(
            Case.post(
                "variables as " + kind.getKey(),
                "{\"query\":" + q + ",\"variables\":" + kind.getValue() + "}",
                400,
                null));
        cases.add(
            Case.post(
                "extensions as " + kind.getKey(),
                "{\"query\":" + q + ",\"extensions\":" + kind.getValue() + "}",
                400,
                null));
        cases.add(Case.post("body as " + kind.getKey(), kind.getValue(), 400, null));
      }
    }
    for (String garbage : List.of(" x", "{}", "[]", ",", "}", "\"x\"", " 1", "\u0000")) {
      cases.add(Case.post("trailing " + garbage.trim(), valid + garbage, 400, null));
    }
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      cases.add(
          new Case(method, method, null, "application/json", new byte[0], 405, null, Map.of()));
    }
    List<String> types = new ArrayList<>();
    types.add(null);
    types.addAll(
        List.of(
            "text/plain",
            "application/graphql",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "application/jsonx",
            "text/json"));
    for (String type : types) {
      cases.add(
          new Case(
              "content type " + type,
              "POST",
              type,
              "application/json",
              valid.getBytes(StandardCharsets.UTF_8),
              415,
              null,
              Map.of()));
    }
    for (String accept : List.of("text/html", "application/xml", "image/png")) {
      cases.add(
          new Case(
              "accept " + accept,
              "POST",
              "application/json",
              accept,
              valid.getBytes(StandardCharsets.UTF_8),
              406,
              null,
              Map.of()));
    }
    String deep = "[".repeat(5000) + "]".repeat(5000);
    cases.add(
        Case.post(
            "variables nested 5000 deep",
            "{\"query\":" + q + ",\"variables\":{\"a\":" + deep + "}}",
            400,
            null));
    cases.add(Case.post("body nested 5000 deep", deep, 400, null));
    StringBuilder large = new StringBuilder("{\"query\":" + q + ",\"variables\":{\"pad\":\"");
    large.append("x".repeat(Math.max(0, tooLarge - large.length() + 1))).append("\"}}");
    cases.add(Case.post("body of " + large.length() + " bytes", large.toString(), 413, null));
    return cases;
  }

  /** The cases of a classpath resource (a JSON array). */
  public static List<Case> load(String resource) {
    try (InputStream in = HostileCorpus.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No resource " + resource);
      }
      try (JsonReader reader = Json.createReader(in)) {
        List<Case> cases = new ArrayList<>();
        for (JsonValue value : reader.readArray()) {
          cases.add(parse(value.asJsonObject()));
        }
        return cases;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case parse(JsonObject c) {
    byte[] body;
    if (c.containsKey("json")) {
      body = CorpusTemplates.expand(c.get("json")).toString().getBytes(StandardCharsets.UTF_8);
    } else if (c.containsKey("base64")) {
      body = Base64.getDecoder().decode(c.getString("base64"));
    } else {
      body = c.getString("body", "").getBytes(StandardCharsets.UTF_8);
    }
    return new Case(
        c.getString("name"),
        c.getString("method", "POST"),
        c.containsKey("contentType") ? text(c.get("contentType")) : "application/json",
        c.containsKey("accept") ? text(c.get("accept")) : "application/json",
        body,
        c.containsKey("status") ? c.getInt("status") : null,
        c.containsKey("code") ? c.getString("code") : null,
        Map.of());
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : null;
  }

  /** Sends every case to {@code endpoint} one after the other; {@code codes} is the closed set. */
  public static List<Outcome> run(URI endpoint, List<Case> cases, Set<String> codes) {
    List<Outcome> outcomes = new ArrayList<>(cases.size());
    for (Case hostile : cases) {
      outcomes.add(send(endpoint, hostile, codes));
    }
    return outcomes;
  }

  /** The outcomes that broke the rule. */
  public static List<Outcome> failures(List<Outcome> outcomes) {
    return outcomes.stream().filter(o -> !o.problems().isEmpty()).toList();
  }

  private static Outcome send(URI endpoint, Case hostile, Set<String> codes) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .method(
                hostile.method(),
                hostile.body().length == 0 && !"POST".equals(hostile.method())
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
    if (hostile.contentType() != null) {
      request.header("Content-Type", hostile.contentType());
    }
    if (hostile.accept() != null) {
      request.header("Accept", hostile.accept());
    }
    hostile.headers().forEach(request::header);
    long started = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Outcome(hostile, -1, elapsed(started), "", List.of("no answer: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    long millis = elapsed(started);
    List<String> problems = new ArrayList<>();
    int status = response.statusCode();
    if (millis > MAX_MILLIS) {
      problems.add("took " + millis + " ms");
    }
    if (status >= 500 || status < 200 || status >= 300 && status < 400) {
      problems.add("status " + status);
    }
    if (hostile.status() != null && hostile.status() != status) {
      problems.add("status " + status + ", expected " + hostile.status());
    }
    checkBody(response.body(), hostile, codes, problems);
    return new Outcome(hostile, status, millis, response.body(), problems);
  }

  private static void checkBody(String body, Case hostile, Set<String> codes, List<String> out) {
    JsonArray errors;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue errorsValue = reader.readObject().get("errors");
      if (!(errorsValue instanceof JsonArray array) || array.isEmpty()) {
        out.add("no errors in the answer");
        return;
      }
      errors = array;
    } catch (RuntimeException e) {
      out.add("the answer is not a GraphQL JSON object");
      return;
    }
    for (JsonValue value : errors) {
      JsonObject error = value.asJsonObject();
      JsonObject extensions = error.getJsonObject("extensions");
      String code = extensions == null ? null : extensions.getString("code", null);
      if (code == null || !codes.contains(code)) {
        out.add("code " + code + " is not in the closed set");
      }
      if (extensions != null && !EXTENSION_KEYS.containsAll(extensions.keySet())) {
        out.add("extensions " + extensions.keySet());
      }
      String message = error.getString("message", "");
      if (message.matches(
          "(?s).*((?<![\\w.])(graphql|io\\.smallrye|java|jakarta)\\.|Exception|SRGQL).*")) {
        out.add("framework name in the message");
      }
    }
    String first =
        errors.get(0).asJsonObject().getJsonObject("extensions") == null
            ? null
            : errors.get(0).asJsonObject().getJsonObject("extensions").getString("code", null);
    if (hostile.code() != null && !hostile.code().equals(first)) {
      out.add("code " + first + ", expected " + hostile.code());
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
